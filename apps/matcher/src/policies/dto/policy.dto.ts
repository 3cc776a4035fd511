import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsTimeZone,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { CATEGORY_CODE_PATTERN, Nested } from '@redcrowd/contracts';

const FINITE = { allowNaN: false, allowInfinity: false };
const MAX_RELATED_PER_CATEGORY = 50;
const MAX_CATEGORIES = 200;

/** A section may be left out (the default stays) but not given as null: null means nothing. */
const Present = () => ValidateIf((_object, value) => value !== undefined);

/** Every component's weight; the weighted mean needs them all. */
export class ScoreWeightsDto {
  @IsNumber(FINITE) @Min(0) category!: number;
  @IsNumber(FINITE) @Min(0) tags!: number;
  @IsNumber(FINITE) @Min(0) distance!: number;
  @IsNumber(FINITE) @Min(0) window!: number;
}

export class UrgencyFactorDto {
  @IsNumber(FINITE) @Min(1) routine!: number;
  @IsNumber(FINITE) @Min(1) urgent!: number;
  @IsNumber(FINITE) @Min(1) critical!: number;
}

export class AgeingDto {
  @IsNumber(FINITE) @Min(0) maxBoost!: number;
  @IsNumber(FINITE) @Min(0) fullBoostDays!: number;
}

/** `{category: [related categories]}`: codes as the taxonomy writes them, a bounded number. */
function IsCategoryRelations(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCategoryRelations',
      validator: {
        validate: (value: unknown) => {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_CATEGORIES &&
            entries.every(
              ([category, related]) =>
                CATEGORY_CODE_PATTERN.test(category) &&
                Array.isArray(related) &&
                related.length <= MAX_RELATED_PER_CATEGORY &&
                related.every((code) => typeof code === 'string' && CATEGORY_CODE_PATTERN.test(code)),
            )
          );
        },
        defaultMessage: () =>
          `$property must map category codes to lists of at most ${MAX_RELATED_PER_CATEGORY} category codes`,
      },
    },
    options,
  );
}

/** What an alliance may override of the matching policy; `now` is never stored. */
export class MatchingOverridesDto {
  @Present() @Nested(() => ScoreWeightsDto) weights?: ScoreWeightsDto;
  @Present() @IsCategoryRelations() relatedCategories?: Record<string, string[]>;
  @Present() @IsNumber(FINITE) relatedCategoryFit?: number;
  @Present() @IsBoolean() allowCrossAlliance?: boolean;
  @Present() @Nested(() => UrgencyFactorDto) urgencyFactor?: UrgencyFactorDto;
  @Present() @Nested(() => AgeingDto) ageing?: AgeingDto;
}

/** PUT /alliances/{allianceId}/policy: null for a top-level value means "the deployment's default". */
export class AlliancePolicyDto {
  @IsOptional() @IsInt() @Min(60_000) @Max(90 * 24 * 3_600_000) offerWindowMs?: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) pointsPerProject?: number | null;
  @IsOptional() @Nested(() => MatchingOverridesDto) matching?: MatchingOverridesDto | null;
  /** Lists from submitters not on the roster register them as pending; null or left out: closed. */
  @IsOptional() @IsBoolean() openRegistration?: boolean | null;
  /** The IANA zone of the alliance's calendar dates (Asia/Urumqi...); null: the deployment's ALLIANCE_TIME_ZONE. */
  @IsOptional() @IsTimeZone() timeZone?: string | null;
}
