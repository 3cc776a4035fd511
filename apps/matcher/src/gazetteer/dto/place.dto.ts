import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsText, PLACE_KINDS, type PlaceKind } from '@redcrowd/contracts';

const FINITE = { allowNaN: false, allowInfinity: false };
const MAX_ALIASES = 20;

/** A field that may be left out (it stays) but not given as null: a place always has it. */
const Present = () => ValidateIf((_object, value) => value !== undefined);

/** POST /alliances/{allianceId}/places: a place of the gazetteer (地名库) with its coordinates. */
export class AddPlaceDto {
  /** 邙岭路街道中心社区, 正启小区, 中心社区52号楼: unique in the alliance, width, case and spaces ignored. */
  @IsText(200) name!: string;
  /** community 社区 | compound 小区 | building 楼栋 | other 其他 */
  @IsIn(PLACE_KINDS) kind!: PlaceKind;
  @IsNumber(FINITE) @IsLatitude() lat!: number;
  @IsNumber(FINITE) @IsLongitude() lng!: number;
  /** The place it lies in (a building's compound or community), of the same alliance. */
  @IsOptional() @IsUUID() parentId?: string | null;
  @IsOptional() @IsText(500) address?: string | null;
  /** Other names people write for it (中心社区, 014中心社区). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALIASES)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}

/** PATCH /alliances/{allianceId}/places/{placeId}: only the fields given change; null clears an optional one. */
export class UpdatePlaceDto {
  @Present() @IsText(200) name?: string;
  @Present() @IsIn(PLACE_KINDS) kind?: PlaceKind;
  @Present() @IsNumber(FINITE) @IsLatitude() lat?: number;
  @Present() @IsNumber(FINITE) @IsLongitude() lng?: number;
  @IsOptional() @IsUUID() parentId?: string | null;
  @IsOptional() @IsText(500) address?: string | null;
  @Present()
  @IsArray()
  @ArrayMaxSize(MAX_ALIASES)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}
