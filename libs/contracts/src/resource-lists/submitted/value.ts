import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsNumber, Max, Min } from 'class-validator';
import { IsIdentifier, IsText } from '../../common/decorators';
import { ListHeader } from '../../common/list-header';
import { ListItemFields } from '../../common/list-item-fields';
import { TimeWindow } from '../../common/time-window';
import { LIMITS } from '../../limits';
import { Nested } from '../../common/nested';

/** A member unit of the alliance (高校, 科研院所, 医院, 企业, 学校...). */
export class UnitRef {
  @IsIdentifier()
  id!: string;

  @IsText(LIMITS.maxNameLength)
  name!: string;
}

/** One line of a resource list: what a unit can give, where, and when. */
export class ResourceItem extends ListItemFields {
  /** How far from `location` the unit will serve, great-circle kilometres. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.maxServiceRadiusKm)
  serviceRadiusKm!: number;

  @IsDefined()
  @Nested(() => TimeWindow)
  available!: TimeWindow;
}

/** 资源清单 resource list: topic `resource-lists.submitted.v1`, key = unit id. */
export class ResourceListSubmitted extends ListHeader {
  @IsDefined()
  @Nested(() => UnitRef)
  unit!: UnitRef;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.maxItemsPerList)
  @Nested(() => ResourceItem, { each: true })
  items!: ResourceItem[];
}
