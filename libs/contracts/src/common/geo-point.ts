import { IsLatitude, IsLongitude, IsNumber, IsOptional } from 'class-validator';
import { LIMITS } from '../limits';
import { IsText } from './decorators';

/** Where a resource is offered or a demand is needed (WGS 84 degrees). */
export class GeoPoint {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lng!: number;

  /** Street, community and compound as a person would write it, e.g. 邙岭路街道014中心社区52号楼. */
  @IsOptional()
  @IsText(LIMITS.maxAddressLength)
  address?: string;
}
