import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CATEGORIES, PROJECT_STATUSES, QUANTITY_UNITS, URGENCIES } from '@redcrowd/contracts';
import {
  categoryComponent,
  defaultMatchingPolicy,
  distanceComponent,
  SCORE_EXPLANATION_CODES,
  tagsComponent,
  windowComponent,
} from '@redcrowd/matching';
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
        'rejected',
      ].sort(),
    );
  });
});

const I18N = pathToFileURL(path.resolve(__dirname, '..', '..', 'dashboard', 'i18n.js')).href;

/**
 * Runs the dashboard's i18n.js as the browser would (an ES module, which jest here cannot
 * load) in a node of its own: for each language, which explanation codes lack a template, and
 * how the given components read.
 */
function inEachLanguage(components: unknown[]): Record<string, { missing: string[]; read: string[] }> {
  const script = `
    globalThis.document = { documentElement: {} };
    const i18n = await import(${JSON.stringify(I18N)});
    const [codes, components] = JSON.parse(process.argv[1]);
    const found = {};
    for (const lang of i18n.LANGS) {
      i18n.setLang(lang);
      found[lang] = {
        missing: codes.filter((code) => !i18n.has('explain.' + code, lang)),
        read: components.map((component) => i18n.scoreExplanationLabel(component)),
      };
    }
    process.stdout.write(JSON.stringify(found));`;
  const output = execFileSync(
    process.execPath,
    [
      '--no-warnings',
      '--input-type=module',
      '-e',
      script,
      JSON.stringify([SCORE_EXPLANATION_CODES, components]),
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as Record<string, { missing: string[]; read: string[] }>;
}

describe("the dashboard's score explanations", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const policy = defaultMatchingPolicy(Date.UTC(2026, 10, 21));
  const engine = [
    categoryComponent('elderly-care', 'elderly-care', 'exact', policy),
    categoryComponent('volunteering', 'elderly-care', 'related', policy),
    tagsComponent(['党员'], [], 0.15),
    tagsComponent(['助浴'], ['送餐'], 0.15),
    tagsComponent(['党员', '送餐', '助浴'], ['送餐', '党员'], 0.15),
    distanceComponent(1.234, 3, 0.3),
    distanceComponent(12.345, Infinity, 0.3),
    windowComponent(
      { availableFrom: 2 * DAY, availableTo: 30 * DAY },
      { windowFrom: 0, windowTo: 10 * DAY },
      0.2,
    ),
  ];
  const fallbacks = [
    // Stored before explanations carried codes.
    { name: 'category', value: 1, weight: 0.35, detail: 'same category elderly-care' },
    // A code newer than the page.
    {
      name: 'window',
      value: 1,
      weight: 0.2,
      code: 'window.hours',
      params: { hours: 3 },
      detail: 'covers 3 h',
    },
    // A known code whose parameters are missing or incomplete.
    {
      name: 'window',
      value: 1,
      weight: 0.2,
      code: 'window.coverage',
      detail: 'covers 40% of the demand window',
    },
    {
      name: 'distance',
      code: 'distance.within-radius',
      params: { distanceKm: 1 },
      detail: '1 km of 3 km radius',
    },
    // Not even a detail.
    { name: 'tags' },
  ];
  const read = inEachLanguage([...engine, ...fallbacks]);

  it('has a template in Chinese and in English for every code the engine gives', () => {
    expect(engine.map((component) => component.code)).toEqual([...SCORE_EXPLANATION_CODES]);
    expect(Object.keys(read)).toEqual(['zh-CN', 'en']);
    expect(read['zh-CN']?.missing).toEqual([]);
    expect(read.en?.missing).toEqual([]);
  });

  it('reads them in Chinese from code and parameters, categories by their labels', () => {
    expect(read['zh-CN']?.read.slice(0, engine.length)).toEqual([
      '类别相同：养老服务',
      '相关类别：志愿服务 可服务 养老服务',
      '需求未标注标签（按中性计）',
      '无共同标签（0/2）',
      '共同标签：党员, 送餐（2/3）',
      '距离 1.2 公里，服务半径 3 公里',
      '距离 12.3 公里，服务半径不限',
      '覆盖需求时段的 80%',
    ]);
  });

  it('reads them in English from code and parameters, categories by their labels', () => {
    expect(read.en?.read.slice(0, engine.length)).toEqual([
      'Same category: Elderly care',
      'Related category: Volunteering for Elderly care',
      'The demand names no tags (neutral)',
      'No tags shared (0 of 2)',
      'Tags shared: 党员, 送餐 (2 of 3)',
      '1.2 km away, service radius 3 km',
      '12.3 km away, unlimited service radius',
      'Covers 80% of the demand window',
    ]);
  });

  it("shows the engine's English detail as it came when there is no code, template or parameters", () => {
    const details = fallbacks.map((component) => component.detail ?? '');
    expect(read['zh-CN']?.read.slice(engine.length)).toEqual(details);
    expect(read.en?.read.slice(engine.length)).toEqual(details);
  });
});
