/**
 * Vocabularies of libs/contracts (taxonomy.ts, project-status.ts), copied because the
 * dashboard is served as plain files with no build step to import TypeScript. They only
 * fill selects and order legends: the server still judges every value it receives.
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
];

export const DEFAULT_CATEGORIES = [
  'elderly-care',
  'childcare',
  'education',
  'health',
  'legal',
  'culture-sports',
  'venue',
  'volunteering',
  'funds',
  'goods',
  'repairs',
  'safety',
  'environment',
  'employment',
  'business-support',
];

export const QUANTITY_UNITS = [
  'person-hours',
  'sessions',
  'people',
  'items',
  'yuan',
  'sqm-days',
  'meals',
  'visits',
  'hours',
  'days',
  'seats',
  'kg',
];

export const URGENCIES = ['routine', 'urgent', 'critical'];

export const UNMET_REASONS = [
  'no-supply-in-category',
  'none-in-radius',
  'no-window-overlap',
  'no-capacity',
  'partly-met',
  'not-matched-yet',
];

export const SCORE_COMPONENTS = ['category', 'tags', 'distance', 'window'];
