import { IsDefined, IsString } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { Nested } from '../../common/nested';
import { ProjectSnapshot } from '../project-snapshot';

/** `projects.proposed.v1`, key = alliance id: a matching round proposed a project (项目清单). */
export class ProjectProposed {
  /** Unique per event; consumers de-duplicate on it. */
  @IsString()
  eventId!: string;

  @IsDefined()
  @Nested(() => ProjectSnapshot)
  project!: ProjectSnapshot;

  @IsOffsetDateTime()
  proposedAt!: string;
}
