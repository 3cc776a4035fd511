/**
 * Project lifecycle (项目清单 entry): proposed → approved → offered → claimed → in-progress →
 * completed; or rejected, cancelled, expired.
 */
export const PROJECT_STATUSES = [
  'proposed',
  'approved',
  'offered',
  'claimed',
  'in-progress',
  'completed',
  'rejected',
  'cancelled',
  'expired',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Statuses after which a demand item may get a new project. */
export const CLOSED_PROJECT_STATUSES: readonly ProjectStatus[] = [
  'completed',
  'rejected',
  'cancelled',
  'expired',
];
