/**
 * A failure the person running the tool can fix themselves (install Java, free a port,
 * set DATABASE_URL ...). Its message is written for them, so CLIs print only the
 * message: a stack trace would bury the advice.
 */
export class InfraError extends Error {
  override readonly name = 'InfraError';
}

/** Prints an error the way our CLIs promise: InfraError as its message, anything else in full. */
export function reportFailure(error: unknown): void {
  if (error instanceof InfraError) {
    console.error(error.message);
  } else {
    // Not anticipated, so most likely a bug: the stack is what the reader needs.
    console.error(error);
  }
}
