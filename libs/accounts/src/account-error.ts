import { DomainError, type DomainErrorOptions, type ErrorCode } from '@redcrowd/contracts';

/** A refusal of the accounts feature (sign-in, sessions, links, administration). */
export class AccountError extends DomainError {
  override readonly name = 'AccountError';

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(code, message, options);
  }
}

/** The one answer to a failed sign-in, whether or not the account exists (no enumeration). */
export const signInFailed = () =>
  new AccountError('sign-in-failed', 'the sign-in name or password is not right');
