import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { IsIdentifier, IsText } from '../../common/decorators';
import { ListHeader } from '../../common/list-header';
import { ListItemFields } from '../../common/list-item-fields';
import { TimeWindow } from '../../common/time-window';
import { LIMITS } from '../../limits';
import { SUBMITTER_KINDS, URGENCIES, type SubmitterKind, type Urgency } from '../../taxonomy';
import { Nested } from '../../common/nested';

/** Who posts demands: a community (社区), or a unit asking the alliance for help. */
export class DemandSubmitter {
  @IsIn(SUBMITTER_KINDS, { message: `$property must be one of: ${SUBMITTER_KINDS.join(', ')}` })
  kind!: SubmitterKind;

  @IsIdentifier()
  id!: string;

  @IsText(LIMITS.maxNameLength)
  name!: string;
}

/** One line of a demand list: what residents need, where, by when, how urgently. */
export class DemandItem extends ListItemFields {
  @IsDefined()
  @Nested(() => TimeWindow)
  window!: TimeWindow;

  @IsIn(URGENCIES, { message: `$property must be one of: ${URGENCIES.join(', ')}` })
  urgency!: Urgency;

  /** How many residents benefit, when the community knows. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.maxBeneficiaries)
  beneficiaries?: number;
}

/** 需求清单 demand list: topic `demand-lists.submitted.v1`, key = submitter id. */
export class DemandListSubmitted extends ListHeader {
  @IsDefined()
  @Nested(() => DemandSubmitter)
  submitter!: DemandSubmitter;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.maxItemsPerList)
  @Nested(() => DemandItem, { each: true })
  items!: DemandItem[];
}
