import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { PROJECT_STATUSES, type ProjectStatus } from '../project-status';

/** `projects.status-changed.v1`, key = alliance id: a project moved in its lifecycle. */
export class ProjectStatusChanged {
  /** Unique per event; consumers de-duplicate on it. */
  @IsString()
  eventId!: string;

  @IsUUID()
  projectId!: string;

  @IsString()
  allianceId!: string;

  @IsIn(PROJECT_STATUSES)
  from!: ProjectStatus;

  @IsIn(PROJECT_STATUSES)
  to!: ProjectStatus;

  /** The project's version after the change. */
  @IsInt()
  @Min(1)
  version!: number;

  /** Who decided: a coordinator's id, a unit's id, or the system (e.g. an offer expiring). */
  @IsString()
  actor!: string;

  /** Why, when the decision has a reason (a rejection always does). */
  @IsOptional()
  @IsString()
  reason?: string;

  @IsOffsetDateTime()
  changedAt!: string;
}
