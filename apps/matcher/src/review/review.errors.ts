/** Expected failures of project review; the HTTP layer maps each code to a status. */
export const REVIEW_ERROR_CODES = [
  'project-not-found',
  'allocation-not-found',
  'offer-not-found',
  'not-allowed',
  'illegal-transition',
  'version-conflict',
  'invalid-request',
  'not-a-candidate',
  'capacity-exceeded',
] as const;
export type ReviewErrorCode = (typeof REVIEW_ERROR_CODES)[number];

export class ReviewError extends Error {
  override readonly name = 'ReviewError';

  constructor(
    readonly code: ReviewErrorCode,
    message: string,
    /** The request field at fault, so a form can show the message next to it. */
    readonly field?: string,
  ) {
    super(message);
  }
}
