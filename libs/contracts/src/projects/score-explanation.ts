import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * What a score component's explanation (评分依据) says, as a code and the parameters it
 * takes, so that each consumer renders it in its reader's language; the component's English
 * `detail` stays for logs and audits. Kilometres are rounded to 0.1 km; shared tags come in
 * code-unit order, joined by ", ". libs/matching (which depends on nothing) states the same
 * codes in its ScoreExplanationParams; score-explanation.spec.ts keeps the two equal.
 */
export const SCORE_EXPLANATION_PARAMS = {
  /** The resource's category is the demand's. */
  'category.same': { category: 'string' },
  /** The alliance relates the resource's category to the demand's. */
  'category.related': { resourceCategory: 'string', demandCategory: 'string' },
  /** The demand names no tags, so tags count as neutral. */
  'tags.none-asked': {},
  /** None of tagCount distinct tags (the demand's and the resource's together) is shared. */
  'tags.none-shared': { tagCount: 'number' },
  /** sharedCount of tagCount distinct tags are shared: sharedTags. */
  'tags.shared': { sharedTags: 'string', sharedCount: 'number', tagCount: 'number' },
  /** distanceKm from the resource, whose service radius is radiusKm. */
  'distance.within-radius': { distanceKm: 'number', radiusKm: 'number' },
  /** distanceKm from a resource that serves any distance. */
  'distance.unlimited-radius': { distanceKm: 'number' },
  /** The resource covers percent (floored) of the demand's window. */
  'window.coverage': { percent: 'number' },
} as const satisfies Record<string, Record<string, 'string' | 'number'>>;

export type ScoreExplanationCode = keyof typeof SCORE_EXPLANATION_PARAMS;

export const SCORE_EXPLANATION_CODES = Object.keys(SCORE_EXPLANATION_PARAMS) as ScoreExplanationCode[];

/** An explanation's parameters: names to strings or finite numbers, nothing nested. */
export type ScoreExplanationParamValues = Record<string, string | number>;

type ParamKind = 'string' | 'number';

/** The parameters `code` takes, or undefined for a code this version does not know. */
function paramsOf(code: unknown): Readonly<Record<string, ParamKind>> | undefined {
  return typeof code === 'string' && Object.hasOwn(SCORE_EXPLANATION_PARAMS, code)
    ? SCORE_EXPLANATION_PARAMS[code as ScoreExplanationCode]
    : undefined;
}

function holds(kind: ParamKind, value: unknown): boolean {
  return kind === 'string' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
}

/**
 * Whether `params` are exactly the parameters `code` takes, each of its kind. For a code
 * this version does not know (the code's own check reports that), any flat record will do.
 */
export function isScoreExplanationParams(params: unknown, code: unknown): boolean {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
  const values = params as Record<string, unknown>;
  const expected = paramsOf(code);
  if (expected === undefined) {
    return Object.values(values).every((value) => holds('string', value) || holds('number', value));
  }
  const names = Object.keys(values);
  return (
    names.length === Object.keys(expected).length &&
    names.every((name) => Object.hasOwn(expected, name) && holds(expected[name]!, values[name]))
  );
}

export const IS_SCORE_EXPLANATION_PARAMS = 'isScoreExplanationParams';

const codeOf = (args?: ValidationArguments): unknown =>
  (args?.object as { code?: unknown } | undefined)?.code;

/** The parameters of the explanation code that the same object holds in `code`. */
export function IsScoreExplanationParams(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_SCORE_EXPLANATION_PARAMS,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          isScoreExplanationParams(value, codeOf(args)),
        defaultMessage: (args?: ValidationArguments) => {
          const code = codeOf(args);
          const expected = paramsOf(code);
          return expected === undefined
            ? '$property must be an object of strings and finite numbers'
            : `$property must hold exactly the parameters of ${String(code)}: ${JSON.stringify(expected)}`;
        },
      },
    },
    options,
  );
}
