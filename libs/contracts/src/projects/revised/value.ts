import { IsDefined, IsInt, IsString, Min } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { Nested } from '../../common/nested';
import { ProjectSnapshot } from '../project-snapshot';

/**
 * `projects.revised.v1`, key = alliance id: a later round changed the allocations of a
 * project not yet approved. `project` is the whole new snapshot.
 */
export class ProjectRevised {
  /** Unique per event; consumers de-duplicate on it. */
  @IsString()
  eventId!: string;

  @IsDefined()
  @Nested(() => ProjectSnapshot)
  project!: ProjectSnapshot;

  /** The version this revision replaces. */
  @IsInt()
  @Min(1)
  previousVersion!: number;

  @IsOffsetDateTime()
  revisedAt!: string;
}
