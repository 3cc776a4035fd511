/** Who sits on an alliance's roster (成员名册): member units and communities. */
export const MEMBER_KINDS = ['unit', 'community'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** What kind of organisation a member unit is: 高校, 科研院所, 医院, 企业, 学校, 机关, 其他. */
export const UNIT_KINDS = [
  'university',
  'research-institute',
  'hospital',
  'company',
  'school',
  'government',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** active; pending (asked to join, not yet admitted); refused; withdrawn (left the alliance). */
export const MEMBER_STATUSES = ['active', 'pending', 'refused', 'withdrawn'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
