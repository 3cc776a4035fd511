import {
  categoryComponent,
  defaultMatchingPolicy,
  distanceComponent,
  SCORE_EXPLANATION_CODES as ENGINE_CODES,
  tagsComponent,
  windowComponent,
} from '@redcrowd/matching';
import { validatePayload } from '../validation/json-payload';
import { ScoreComponentEntry } from './project-snapshot';
import {
  isScoreExplanationParams,
  SCORE_EXPLANATION_CODES,
  SCORE_EXPLANATION_PARAMS,
} from './score-explanation';

const DAY = 24 * 60 * 60 * 1000;
const policy = defaultMatchingPolicy(Date.UTC(2026, 10, 21));

/** One component of each code, as the matching engine explains it. */
const engineComponents = [
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

const problemsOf = (entry: Record<string, unknown>) => validatePayload(ScoreComponentEntry, entry).problems;

describe('score explanation codes', () => {
  it("are the matching engine's codes, in its order", () => {
    expect(SCORE_EXPLANATION_CODES).toEqual([...ENGINE_CODES]);
  });

  it('accept every explanation the engine gives, each code with its own parameters', () => {
    expect(engineComponents.map((component) => component.code)).toEqual(SCORE_EXPLANATION_CODES);
    for (const component of engineComponents) {
      expect({ component, problems: problemsOf({ ...component }) }).toEqual({ component, problems: [] });
      const kinds = Object.fromEntries(
        Object.entries(component.params).map(([name, value]) => [name, typeof value]),
      );
      expect(kinds).toEqual(SCORE_EXPLANATION_PARAMS[component.code]);
    }
  });
});

describe('ScoreComponentEntry', () => {
  const entry = {
    name: 'distance',
    value: 0.6,
    weight: 0.3,
    code: 'distance.within-radius',
    params: { distanceKm: 1.2, radiusKm: 3 },
    detail: '1.2 km of 3 km radius',
  };

  it('accepts a code with exactly its parameters', () => {
    expect(problemsOf(entry)).toEqual([]);
    expect(problemsOf({ ...entry, code: 'tags.none-asked', params: {} })).toEqual([]);
  });

  it('requires a code and parameters: explanations stored before codes existed are not events', () => {
    const { code: _code, params: _params, ...before } = entry;
    expect(problemsOf(before)).toEqual([
      { path: 'code', code: 'required', message: 'code is required' },
      { path: 'params', code: 'required', message: 'params is required' },
    ]);
  });

  it('refuses a code it does not know', () => {
    expect(problemsOf({ ...entry, code: 'distance.as-the-crow-flies' })).toEqual([
      expect.objectContaining({ path: 'code', code: 'invalid-value' }),
    ]);
  });

  it.each<[string, unknown]>([
    ['a missing parameter', { distanceKm: 1.2 }],
    ['a parameter of another code', { distanceKm: 1.2, radiusKm: 3, percent: 40 }],
    ['a parameter renamed', { distanceKm: 1.2, radius: 3 }],
    ['a number given as a string', { distanceKm: '1.2', radiusKm: 3 }],
    ['a number that is not finite', { distanceKm: Number.NaN, radiusKm: 3 }],
    ['a nested value', { distanceKm: { value: 1.2 }, radiusKm: 3 }],
    ['an array', [1.2, 3]],
    ['a string', '1.2 km of 3 km'],
  ])('refuses parameters with %s', (_case, params) => {
    expect(problemsOf({ ...entry, params })).toEqual([
      {
        path: 'params',
        code: 'invalid-value',
        message:
          'params must hold exactly the parameters of distance.within-radius: {"distanceKm":"number","radiusKm":"number"}',
      },
    ]);
  });

  it('refuses null parameters as null', () => {
    expect(problemsOf({ ...entry, params: null })).toEqual([
      { path: 'params', code: 'wrong-type', message: 'params must not be null' },
    ]);
  });

  it('says what parameters must be when the code is unknown too', () => {
    expect(problemsOf({ ...entry, code: 'window.hours', params: { hours: [1] } })).toEqual([
      expect.objectContaining({ path: 'code', code: 'invalid-value' }),
      {
        path: 'params',
        code: 'invalid-value',
        message: 'params must be an object of strings and finite numbers',
      },
    ]);
  });
});

describe('isScoreExplanationParams', () => {
  it('checks kinds: strings for strings, finite numbers for numbers', () => {
    expect(isScoreExplanationParams({ category: 'health' }, 'category.same')).toBe(true);
    expect(isScoreExplanationParams({ category: 3 }, 'category.same')).toBe(false);
    expect(isScoreExplanationParams({ percent: 40 }, 'window.coverage')).toBe(true);
    expect(isScoreExplanationParams({ percent: Infinity }, 'window.coverage')).toBe(false);
    expect(isScoreExplanationParams({ percent: '40' }, 'window.coverage')).toBe(false);
  });

  it('takes no inherited names for parameters or codes', () => {
    expect(isScoreExplanationParams({ toString: 'x' }, 'tags.none-shared')).toBe(false);
    expect(isScoreExplanationParams({ tagCount: 2, toString: 'x' }, 'tags.none-shared')).toBe(false);
    expect(isScoreExplanationParams({ a: {} }, 'constructor')).toBe(false);
    expect(isScoreExplanationParams({}, 'toString')).toBe(true);
  });

  it('takes any flat record of strings and finite numbers for a code it does not know', () => {
    expect(isScoreExplanationParams({ hours: 3, note: 'x' }, 'window.hours')).toBe(true);
    expect(isScoreExplanationParams({}, undefined)).toBe(true);
    expect(isScoreExplanationParams({ hours: null }, 'window.hours')).toBe(false);
    expect(isScoreExplanationParams({ hours: Number.NaN }, 'window.hours')).toBe(false);
    expect(isScoreExplanationParams(null, 'window.hours')).toBe(false);
    expect(isScoreExplanationParams([], 'window.hours')).toBe(false);
  });
});
