import { AuthError } from '@redcrowd/auth';
import { DomainError, ERROR_CODES } from '@redcrowd/contracts';
import { HTTP_STATUS_OF, httpAnswerOf } from './http-answer';

describe('httpAnswerOf', () => {
  it('has a status for every error code, 4xx for refusals and 5xx only for the service failing', () => {
    expect(Object.keys(HTTP_STATUS_OF).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const status = HTTP_STATUS_OF[code];
      const serviceFailed = code === 'internal-error' || code === 'unavailable';
      expect(Math.floor(status / 100)).toBe(serviceFailed ? 5 : 4);
    }
  });

  it('answers a domain error with its status and the uniform body, attachments beside it', () => {
    const decision = { decision: 'rejected', code: 'over-quantity' };
    const problems = [{ path: 'quantity', code: 'out-of-range' as const, message: 'too many' }];
    expect(
      httpAnswerOf(
        new DomainError('over-quantity', '3 asked, 2 left', {
          field: 'quantity',
          problems,
          attachments: { decision },
        }),
      ),
    ).toEqual({
      status: 409,
      body: {
        decision,
        error: {
          code: 'over-quantity',
          message: '3 asked, 2 left',
          field: 'quantity',
          // The precise message for developers, words for the people filling in the form.
          problems: [
            { ...problems[0], words: { zh: '「数量」超出允许范围', en: 'quantity is out of range' } },
          ],
        },
      },
    });
    expect(httpAnswerOf(new DomainError('project-not-found', 'no project p1'))).toEqual({
      status: 404,
      body: { error: { code: 'project-not-found', message: 'no project p1' } },
    });
  });

  it('answers sign-in refusals by kind, with the Bearer challenge on 401', () => {
    expect(httpAnswerOf(new AuthError('unauthenticated', 'the token has expired'))).toEqual({
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'the token has expired' } },
      headers: { 'WWW-Authenticate': 'Bearer realm="redcrowd"' },
    });
    expect(httpAnswerOf(new AuthError('not-found', 'no alliance a2'))).toEqual({
      status: 404,
      body: { error: { code: 'not-found', message: 'no alliance a2' } },
    });
  });

  it("answers the framework's own refusals in the same shape", () => {
    const nest = (status: number, message: string) => ({ getStatus: () => status, message });
    expect(httpAnswerOf(nest(404, 'Cannot GET /nowhere'))).toEqual({
      status: 404,
      body: { error: { code: 'not-found', message: 'no such route' } },
    });
    expect(httpAnswerOf({ status: 413, message: 'request entity too large' })).toMatchObject({
      status: 413,
      body: { error: { code: 'payload-too-large' } },
    });
    expect(httpAnswerOf(nest(429, 'ThrottlerException: Too Many Requests'))).toEqual({
      status: 429,
      body: {
        error: { code: 'too-many-attempts', message: 'too many attempts; wait a while and try again' },
      },
    });
    expect(httpAnswerOf({ status: 400, message: 'Unexpected end of JSON input' })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid-request',
          message: 'the request could not be read: Unexpected end of JSON input',
        },
      },
    });
  });

  it('answers anything else 500 internal-error without its details', () => {
    for (const error of [new Error('password authentication failed for user "postgres"'), 'boom', null]) {
      expect(httpAnswerOf(error)).toEqual({
        status: 500,
        body: {
          error: {
            code: 'internal-error',
            message: 'an unexpected failure; nothing was applied, try again later',
          },
        },
      });
    }
    expect(httpAnswerOf({ getStatus: () => 503, message: 'down' }).status).toBe(500);
  });
});
