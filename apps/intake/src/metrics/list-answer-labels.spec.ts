import type { IntakeAnswer } from '../intake/intake-answers';
import { listAnswerLabels } from './list-answer-labels';

describe('listAnswerLabels', () => {
  it('labels an accepted list by its kind, with no code', () => {
    const answer = { type: 'accepted', key: 'a', event: { listKind: 'demand' } } as unknown as IntakeAnswer;
    expect(listAnswerLabels(answer)).toEqual({ kind: 'demand', outcome: 'accepted', code: 'none' });
  });

  it("labels a rejected list by its first problem's code", () => {
    const answer = {
      type: 'rejected',
      key: null,
      event: { listKind: 'resource', problems: [{ code: 'not-a-member' }, { code: 'invalid-json' }] },
    } as unknown as IntakeAnswer;
    expect(listAnswerLabels(answer)).toEqual({ kind: 'resource', outcome: 'rejected', code: 'not-a-member' });
  });
});
