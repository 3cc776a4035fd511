/**
 * Vocabularies shared by resource and demand lists. Categories form a default taxonomy
 * that an alliance may extend with its own (stored per alliance, checked at intake).
 */
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
] as const;

export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number];

/** Category codes are lowercase slugs so that Excel exports and URLs keep them intact. */
export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9-]{1,63}$/;

/** Units a quantity may be counted in. Quantities are whole numbers of one of these. */
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
] as const;

export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

export const URGENCIES = ['routine', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Communities post demands; units post resources and may post demands too (联盟单位互领清单). */
export const SUBMITTER_KINDS = ['community', 'unit'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];

export const LIST_KINDS = ['resource', 'demand'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** The categories one alliance accepts: the defaults plus its own extensions. */
export class Taxonomy {
  private readonly codes: ReadonlySet<string>;

  constructor(extensions: readonly string[] = []) {
    this.codes = new Set([...DEFAULT_CATEGORIES, ...extensions]);
  }

  has(category: string): boolean {
    return this.codes.has(category);
  }

  list(): string[] {
    return [...this.codes].sort();
  }
}
