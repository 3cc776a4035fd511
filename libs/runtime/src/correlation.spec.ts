import { ambientCorrelationHeaders, ambientCorrelationId, CORRELATION_ID_HEADER } from './correlation';
import { withLogContext } from './json-logger';

describe('ambientCorrelationId', () => {
  it('is the correlation id a consumer bound, before the request id', () => {
    withLogContext({ requestId: 'req-1' }, () =>
      withLogContext({ correlationId: 'claim-7' }, () => expect(ambientCorrelationId()).toBe('claim-7')),
    );
  });

  it("is the HTTP request's id when no correlation id is bound", () => {
    withLogContext({ requestId: 'req-1' }, () => expect(ambientCorrelationId()).toBe('req-1'));
  });

  it('is none outside any work, and never an id that is not traceable', () => {
    expect(ambientCorrelationId()).toBeUndefined();
    withLogContext({ correlationId: 'not traceable\n{"level":"error"}' }, () =>
      expect(ambientCorrelationId()).toBeUndefined(),
    );
  });
});

describe('ambientCorrelationHeaders', () => {
  it('puts the id in the correlation-id header, or gives no header at all', () => {
    withLogContext({ requestId: 'req-1' }, () =>
      expect(ambientCorrelationHeaders()).toEqual({ [CORRELATION_ID_HEADER]: 'req-1' }),
    );
    expect(ambientCorrelationHeaders()).toEqual({});
  });
});
