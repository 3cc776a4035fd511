import { DomainError, PROJECT_ERROR_CODES as PROJECT_REFUSALS } from '@redcrowd/contracts';

/**
 * Why the project aggregate refuses an operation: its refusals as the error registry of
 * @redcrowd/contracts lists them (one list, which the HTTP layer maps to statuses), and
 * invalid-request for a value no transport should have let through. Clients switch on the
 * code, never on the message.
 */
export const PROJECT_ERROR_CODES = [...PROJECT_REFUSALS, 'invalid-request'] as const;
export type ProjectErrorCode = (typeof PROJECT_ERROR_CODES)[number];

/** One thing wrong with a request: where (`allocations[2].quantity`), what, and why. */
export interface ProjectProblem {
  path: string;
  code: 'out-of-range' | 'duplicate-item-id';
  message: string;
}

export interface ProjectErrorOptions {
  /** The request field at fault, so a form can show the message next to it. */
  field?: string;
  /** Every problem found, when a request fails validation in several places. */
  problems?: ProjectProblem[];
}

/**
 * An expected refusal of the project aggregate: a stable code, a sentence for people, and
 * optionally the field or problems at fault. It never mentions HTTP or Kafka; the edge maps
 * the code to a transport's answer. It is the app-wide DomainError, so one filter and one
 * mapper answer it like every other expected failure.
 */
export class ProjectError extends DomainError {
  override readonly name = 'ProjectError';
  declare readonly code: ProjectErrorCode;
  declare readonly problems?: ProjectProblem[];

  constructor(code: ProjectErrorCode, message: string, options: ProjectErrorOptions = {}) {
    super(code, message, options);
  }
}

/** The refusal for a project id that does not exist (looking it up is the caller's I/O). */
export function projectNotFound(projectId: string): ProjectError {
  return new ProjectError('project-not-found', `no project ${projectId}`);
}
