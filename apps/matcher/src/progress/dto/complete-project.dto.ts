import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** POST /projects/{projectId}/complete: the submitter's confirmation (验收). */
export class CompleteProjectDto {
  /** 1–5 stars, as alliances rate their branches' work (五星). */
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
