import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LIMITS } from '../limits';
import { CATEGORY_CODE_PATTERN, QUANTITY_UNITS, type QuantityUnit } from '../taxonomy';
import { IsIdentifier, IsText } from './decorators';
import { GeoPoint } from './geo-point';
import { Nested } from './nested';

/** Fields that resource items and demand items share. */
export abstract class ListItemFields {
  /** Chosen by the submitter, unique within the list; stable across revisions. */
  @IsIdentifier()
  itemId!: string;

  /** A code from the alliance's taxonomy (checked against it at intake). */
  @IsString()
  @Matches(CATEGORY_CODE_PATTERN, {
    message: '$property must be a lowercase category code such as elderly-care',
  })
  category!: string;

  @IsText(LIMITS.maxTitleLength)
  title!: string;

  @IsOptional()
  @IsText(LIMITS.maxDescriptionLength)
  description?: string;

  // Whole numbers only: the allocation solver works on integer capacities. A fractional
  // amount is expressed in a finer unit (person-hours rather than days, yuan not 万元).
  @IsInt({ message: '$property must be a whole number; use a finer unit for fractions' })
  @Min(1, { message: '$property must be greater than 0' })
  @Max(LIMITS.maxQuantity)
  quantity!: number;

  @IsIn(QUANTITY_UNITS, { message: `$property must be one of: ${QUANTITY_UNITS.join(', ')}` })
  unit!: QuantityUnit;

  @IsDefined()
  @Nested(() => GeoPoint)
  location!: GeoPoint;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.maxTagsPerItem)
  @IsString({ each: true })
  @MaxLength(LIMITS.maxTagLength, { each: true })
  tags?: string[];
}
