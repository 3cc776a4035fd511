import { QueryRunnerAlreadyReleasedError, QueryFailedError } from 'typeorm';
import {
  isDatabaseUnreachableError,
  isTransientInfrastructureError,
  RetriesExhaustedError,
  withRetries,
} from './retry';

/** An error as pg reports it, with its SQLSTATE or Node.js code. */
function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientInfrastructureError', () => {
  it("recognises TypeORM's error for a query runner released when its connection dropped mid-transaction", () => {
    expect(isTransientInfrastructureError(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('recognises that error by its name when another copy of TypeORM raised it', () => {
    class QueryRunnerAlreadyReleasedErrorCopy extends Error {
      override name = 'QueryRunnerAlreadyReleasedError';
    }
    expect(isTransientInfrastructureError(new QueryRunnerAlreadyReleasedErrorCopy('released'))).toBe(true);
  });

  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an admin shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a serialization failure (40001)', withCode('could not serialize access', '40001')],
    ['a connection terminated by the server', new Error('Connection terminated unexpectedly')],
  ])('recognises %s', (_name, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('duplicate key value violates unique constraint', '23505')],
    ['a failed query without a code', new QueryFailedError('SELECT 1', [], new Error('syntax error'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something that is not an error', 'Query runner already released'],
  ])('does not retry %s', (_name, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});

describe('isDatabaseUnreachableError', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['an admin shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection failure (08006)', withCode('connection failure', '08006')],
    ['a connection terminated by the server', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a query runner released under its transaction', new QueryRunnerAlreadyReleasedError()],
  ])('says %s means the database is unreachable', (_name, error) => {
    expect(isDatabaseUnreachableError(error)).toBe(true);
  });

  it.each([
    ['a serialization failure (40001)', withCode('could not serialize access', '40001')],
    ['a deadlock (40P01)', withCode('deadlock detected', '40P01')],
    ['a lock timeout (55P03)', withCode('canceling statement due to lock timeout', '55P03')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a unique violation (23505)', withCode('duplicate key value violates unique constraint', '23505')],
    ['something that is not an error', 'Connection terminated'],
  ])('says %s happens with the database up', (_name, error) => {
    expect(isDatabaseUnreachableError(error)).toBe(false);
  });
});

describe('withRetries', () => {
  it('runs a round again after its connection dropped mid-transaction', async () => {
    let attempts = 0;
    const result = await withRetries(
      () => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new QueryRunnerAlreadyReleasedError());
        return Promise.resolve('committed');
      },
      { maxAttempts: 3, baseDelayMs: 1 },
      isTransientInfrastructureError,
    );
    expect(result).toBe('committed');
    expect(attempts).toBe(2);
  });

  it('gives up after the last attempt with the last error', async () => {
    const failure = withRetries(
      () => Promise.reject(new QueryRunnerAlreadyReleasedError()),
      { maxAttempts: 2, baseDelayMs: 1 },
      isTransientInfrastructureError,
    );
    await expect(failure).rejects.toBeInstanceOf(RetriesExhaustedError);
    await expect(failure).rejects.toMatchObject({ attempts: 2 });
  });
});
