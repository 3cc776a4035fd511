import { CLAIM_REJECTION_CODES } from '../claims/decided/value';

/*
 * Every code an error can carry, over HTTP (`{error: {code, ...}}`) and in Kafka answers.
 * Clients switch on these, never on messages. One list per feature; the HTTP layer maps each
 * code to a status in one exhaustive table, so a new code does not compile without one.
 */

/** The request itself is wrong: its body, a parameter or the query (with `problems`). */
export const REQUEST_ERROR_CODES = ['invalid-request'] as const;

/** Sign-in and access (see @redcrowd/auth): another alliance's things answer not-found. */
export const ACCESS_ERROR_CODES = ['unauthenticated', 'forbidden', 'not-found'] as const;

/**
 * A list (资源清单 / 需求清单) refused by intake; its problems and rejection event come with it.
 * not-a-member: its submitter is not an admitted member of the alliance's roster (成员名册).
 * invalid-workbook: an uploaded file that cannot be read as a list at all (not a workbook,
 * macro-enabled, encrypted, too many rows, required columns missing).
 */
export const LIST_ERROR_CODES = ['invalid-list', 'invalid-workbook', 'not-a-member'] as const;

/** The roster's refusals (成员名册). */
export const ROSTER_ERROR_CODES = ['member-not-found', 'member-exists'] as const;

/** The gazetteer's refusals (地名库); place-exists comes with the place that has the name. */
export const GAZETTEER_ERROR_CODES = ['place-not-found', 'place-exists'] as const;

/**
 * Accounts and sign-in. sign-in-failed never says whether the account exists; sign-on-not-linked:
 * single sign-on vouched for somebody no account is linked to (an invite links them); session-ended:
 * a refresh token that is unknown, used before (the session is then revoked), expired or
 * revoked; link-invalid: a setup or invite link that is used, expired or unknown;
 * wrong-password: a signed-in person's current password, asked again to change it, is not
 * right (not 401: the session itself is fine, and the page must not end it).
 */
export const ACCOUNT_ERROR_CODES = [
  'sign-in-failed',
  'sign-on-not-linked',
  'wrong-password',
  'too-many-attempts',
  'session-ended',
  'link-invalid',
  'account-exists',
  'account-not-found',
] as const;

/**
 * The project aggregate's refusals (review, offers, progress). window-not-open: completion
 * confirmed before the demand's window opens (the work cannot have been done yet);
 * work-not-reported: completion confirmed before every claiming unit reported its part done.
 */
export const PROJECT_ERROR_CODES = [
  'project-not-found',
  'allocation-not-found',
  'offer-not-found',
  'not-allowed',
  'illegal-transition',
  'version-conflict',
  'not-a-candidate',
  'capacity-exceeded',
  'window-not-open',
  'work-not-reported',
] as const;

/** The service could not do it: nothing was applied; the client may try again later. */
export const SERVICE_ERROR_CODES = ['internal-error', 'unavailable', 'payload-too-large'] as const;

export const ERROR_CODES = [
  ...REQUEST_ERROR_CODES,
  ...ACCESS_ERROR_CODES,
  ...LIST_ERROR_CODES,
  ...ROSTER_ERROR_CODES,
  ...GAZETTEER_ERROR_CODES,
  ...ACCOUNT_ERROR_CODES,
  ...PROJECT_ERROR_CODES,
  ...CLAIM_REJECTION_CODES.filter((code) => code !== 'internal-error'),
  ...SERVICE_ERROR_CODES,
] as const;

export type ErrorCode =
  | (typeof REQUEST_ERROR_CODES)[number]
  | (typeof ACCESS_ERROR_CODES)[number]
  | (typeof LIST_ERROR_CODES)[number]
  | (typeof ROSTER_ERROR_CODES)[number]
  | (typeof GAZETTEER_ERROR_CODES)[number]
  | (typeof ACCOUNT_ERROR_CODES)[number]
  | (typeof PROJECT_ERROR_CODES)[number]
  | (typeof CLAIM_REJECTION_CODES)[number]
  | (typeof SERVICE_ERROR_CODES)[number];
