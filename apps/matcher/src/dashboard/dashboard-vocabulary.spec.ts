import { DEFAULT_CATEGORIES, PROJECT_STATUSES, QUANTITY_UNITS, URGENCIES } from '@redcrowd/contracts';
import { UNMET_REASONS, vocabularyModule } from './dashboard-vocabulary';

/** Reads the module's exports back the way a browser would see them. */
function exportsOf(source: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const [, name, json] of source.matchAll(/^export const (\w+) = Object\.freeze\((.*)\);$/gm)) {
    found[name!] = JSON.parse(json!);
  }
  return found;
}

describe('the dashboard vocabulary module', () => {
  it('carries the contracts’ vocabularies, so the page cannot drift from what the API accepts', () => {
    expect(exportsOf(vocabularyModule())).toEqual({
      PROJECT_STATUSES: [...PROJECT_STATUSES],
      DEFAULT_CATEGORIES: [...DEFAULT_CATEGORIES],
      QUANTITY_UNITS: [...QUANTITY_UNITS],
      URGENCIES: [...URGENCIES],
      UNMET_REASONS: [...UNMET_REASONS],
      SCORE_COMPONENTS: ['category', 'tags', 'distance', 'window'],
    });
  });

  it('lists every reason the unmet read model can give, and not "nothing-requested"', () => {
    expect([...UNMET_REASONS].sort()).toEqual(
      [
        'no-capacity',
        'no-supply-in-category',
        'no-window-overlap',
        'none-in-radius',
        'not-matched-yet',
        'partly-met',
      ].sort(),
    );
  });
});
