import { DomainError } from '@redcrowd/contracts';

/** What a refused use case tells its caller: the code, the sentence and the field at fault. */
export interface Refusal {
  code: string;
  message: string;
  field?: string;
}

/** The domain refusal `action` ends in; fails the test when it succeeds or fails otherwise. */
export async function refusalOf(action: Promise<unknown>): Promise<Refusal> {
  try {
    await action;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  throw new Error('nothing was refused');
}
