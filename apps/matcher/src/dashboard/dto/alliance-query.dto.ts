import { IsOptional } from 'class-validator';
import { IsIdentifier } from '@redcrowd/contracts';

/** `?allianceId=`: which alliance an admin reads; others read their own (see allianceOf). */
export class AllianceQueryDto {
  @IsOptional()
  @IsIdentifier()
  allianceId?: string;
}
