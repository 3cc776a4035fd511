import { admitList, LIST_MEMBERSHIPS, MATCHING_MEMBER_STATUSES } from './admission';
import { MEMBER_STATUSES } from './member';

describe('admitList', () => {
  it.each([false, true])('accepts an active member whatever the policy (open registration %s)', (open) => {
    expect(admitList('active', open)).toEqual({ verdict: 'accept', membership: 'active' });
  });

  it.each([false, true])(
    'accepts a pending member as pending without registering it again (open registration %s)',
    (open) => {
      expect(admitList('pending', open)).toEqual({
        verdict: 'accept-pending',
        membership: 'pending',
        register: false,
      });
    },
  );

  it('refuses a submitter not on the roster when registration is closed', () => {
    expect(admitList(undefined, false)).toEqual({ verdict: 'refuse', standing: 'not-on-roster' });
  });

  it('registers a submitter not on the roster as pending when registration is open', () => {
    expect(admitList(undefined, true)).toEqual({
      verdict: 'accept-pending',
      membership: 'pending',
      register: true,
    });
  });

  it.each([
    ['refused', false],
    ['refused', true],
    ['withdrawn', false],
    ['withdrawn', true],
  ] as const)('refuses a %s member even when registration is open (%s)', (status, open) => {
    expect(admitList(status, open)).toEqual({ verdict: 'refuse', standing: status });
  });

  it('lets only active members into matching, and names every accepted standing', () => {
    expect(MATCHING_MEMBER_STATUSES).toEqual(['active']);
    const accepted = MEMBER_STATUSES.flatMap((status) => {
      const admission = admitList(status, false);
      return admission.verdict === 'refuse' ? [] : [admission.membership];
    });
    expect(accepted).toEqual([...LIST_MEMBERSHIPS]);
  });
});
