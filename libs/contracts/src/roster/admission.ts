import type { MemberStatus } from './member';

/**
 * Whose lists a matching round may take: members the alliance admitted. Lists of pending,
 * refused and withdrawn members stay stored but out of the pool (the pool's SQL is rendered
 * from this list).
 */
export const MATCHING_MEMBER_STATUSES = ['active'] as const satisfies readonly MemberStatus[];

/**
 * How an accepted list's submitter stands with its alliance: `active`, or `pending` (not yet
 * admitted by the coordinator, so the list waits outside matching).
 */
export const LIST_MEMBERSHIPS = ['active', 'pending'] as const satisfies readonly MemberStatus[];
export type ListMembership = (typeof LIST_MEMBERSHIPS)[number];

/** Why a submitter may not send lists: not on the roster at all, refused, or withdrawn. */
export type NonMemberStanding = 'not-on-roster' | 'refused' | 'withdrawn';

/** What intake does with a valid list, given who sent it. */
export type ListAdmission =
  | { verdict: 'accept'; membership: 'active' }
  /** Store it; `register`: put the submitter on the roster as pending first. */
  | { verdict: 'accept-pending'; membership: 'pending'; register: boolean }
  | { verdict: 'refuse'; standing: NonMemberStanding };

/**
 * The one rule of who may submit lists to an alliance (issue 11): its active members; its
 * pending members too, whose lists wait for admission; and, when the alliance's policy allows
 * open registration, anyone not yet on the roster, who joins it as pending. Refused and
 * withdrawn members are refused whatever the policy, so open registration cannot undo a
 * coordinator's decision. `status` is undefined for a submitter not on the roster.
 */
export function admitList(status: MemberStatus | undefined, openRegistration: boolean): ListAdmission {
  switch (status) {
    case 'active':
      return { verdict: 'accept', membership: 'active' };
    case 'pending':
      return { verdict: 'accept-pending', membership: 'pending', register: false };
    case 'refused':
    case 'withdrawn':
      return { verdict: 'refuse', standing: status };
    case undefined:
      return openRegistration
        ? { verdict: 'accept-pending', membership: 'pending', register: true }
        : { verdict: 'refuse', standing: 'not-on-roster' };
  }
}
