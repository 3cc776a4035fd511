import { DomainError } from '@redcrowd/contracts';
import { claimRefusalOf } from './claim-refusal';

describe('claimRefusalOf', () => {
  it('keeps the code, message and problems of a domain error with a claim code', () => {
    const problems = [
      { path: 'quantity', code: 'out-of-range' as const, message: 'quantity must be at least 1' },
    ];
    expect(claimRefusalOf(new DomainError('invalid-claim', 'bad claim', { problems }))).toEqual({
      code: 'invalid-claim',
      reason: 'bad claim',
      problems,
    });
    expect(claimRefusalOf(new DomainError('over-quantity', '3 asked, 2 left'))).toEqual({
      code: 'over-quantity',
      reason: '3 asked, 2 left',
    });
  });

  it('answers anything else internal-error, saying nothing was applied', () => {
    expect(claimRefusalOf(new DomainError('project-not-found', 'no project p1'))).toEqual({
      code: 'internal-error',
      reason:
        'the claim could not be decided (no project p1 (project-not-found)); nothing was applied, send it again later',
    });
    expect(claimRefusalOf(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }))).toEqual({
      code: 'internal-error',
      reason:
        'the claim could not be decided (connection reset (ECONNRESET)); nothing was applied, send it again later',
    });
  });
});
