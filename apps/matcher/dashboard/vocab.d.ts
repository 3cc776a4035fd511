// vocab.js is written by the matcher at start-up from libs/contracts and libs/matching
// (apps/matcher/src/dashboard/dashboard-vocabulary.ts); it is not a file on disk. These are
// its exports as the dashboard's type check sees them, in the API's own types.
import type { components } from './types/api.js';

type Schemas = components['schemas'];

export const PROJECT_STATUSES: readonly Schemas['ProjectStatus'][];
export const DEFAULT_CATEGORIES: readonly Schemas['CategoryCode'][];
export const QUANTITY_UNITS: readonly Schemas['QuantityUnit'][];
export const URGENCIES: readonly Schemas['Urgency'][];
export const UNMET_REASONS: readonly Schemas['UnmetDemand']['reason'][];
export const SCORE_COMPONENTS: readonly Schemas['ScoreComponentName'][];
