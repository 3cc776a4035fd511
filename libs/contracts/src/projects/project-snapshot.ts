import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { Nested } from '../common/nested';
import { URGENCIES, type Urgency } from '../taxonomy';
import { PROJECT_STATUSES, type ProjectStatus } from './project-status';
import {
  IsScoreExplanationParams,
  SCORE_EXPLANATION_CODES,
  type ScoreExplanationCode,
  type ScoreExplanationParamValues,
} from './score-explanation';

/** The parts of an allocation's score, in the order a coordinator reads them. */
export const SCORE_COMPONENT_NAMES = ['category', 'tags', 'distance', 'window'] as const;
export type ScoreComponentName = (typeof SCORE_COMPONENT_NAMES)[number];

/** One reason in an allocation's score explanation. */
export class ScoreComponentEntry {
  @IsIn(SCORE_COMPONENT_NAMES)
  name!: ScoreComponentName;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  value!: number;

  /** The alliance policy's weight for this component. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  weight!: number;

  /** What the explanation says, for consumers to put in their reader's words. */
  @IsIn(SCORE_EXPLANATION_CODES)
  code!: ScoreExplanationCode;

  /** The code's parameters (SCORE_EXPLANATION_PARAMS), e.g. { distanceKm: 1.2, radiusKm: 3 }. */
  @IsScoreExplanationParams()
  params!: ScoreExplanationParamValues;

  /** The same in English, for logs and audits, e.g. "1.2 km of 3 km radius". */
  @IsString()
  detail!: string;
}

/** One resource item's share of a project: which unit gives how much, and why it was chosen. */
export class AllocationSnapshot {
  /** The item id its unit gave it in the resource list. */
  @IsString()
  resourceItemId!: string;

  @IsString()
  resourceListId!: string;

  @IsString()
  unitId!: string;

  @IsInt()
  @Min(1)
  quantity!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  score!: number;

  /** 1 is offered first. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  priority!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  distanceKm!: number;

  /** Approved or claimed: later rounds leave it as it is. */
  @IsBoolean()
  pinned!: boolean;

  @IsArray()
  @Nested(() => ScoreComponentEntry, { each: true })
  components!: ScoreComponentEntry[];
}

/** The demand item a project serves, as its submitter listed it. */
export class DemandRef {
  @IsString()
  submitterId!: string;

  @IsString()
  listId!: string;

  @IsString()
  itemId!: string;

  @IsString()
  category!: string;

  @IsString()
  title!: string;

  @IsIn(URGENCIES)
  urgency!: Urgency;
}

/**
 * 项目清单 project: one demand item with the resources allocated to it, as of `version`
 * (which rises with every change, so consumers can drop stale snapshots).
 */
export class ProjectSnapshot {
  @IsUUID()
  projectId!: string;

  @IsString()
  allianceId!: string;

  @IsIn(PROJECT_STATUSES)
  status!: ProjectStatus;

  @IsInt()
  @Min(1)
  version!: number;

  @IsDefined()
  @Nested(() => DemandRef)
  demand!: DemandRef;

  /** The demand item's quantity. */
  @IsInt()
  @Min(0)
  requested!: number;

  /** What the allocations leave uncovered. */
  @IsInt()
  @Min(0)
  unmet!: number;

  @IsArray()
  @Nested(() => AllocationSnapshot, { each: true })
  allocations!: AllocationSnapshot[];
}
