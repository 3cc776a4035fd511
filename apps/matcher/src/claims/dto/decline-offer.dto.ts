import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /offers/{offerId}/decline: why the project is not for the unit, if it will say. */
export class DeclineOfferDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
