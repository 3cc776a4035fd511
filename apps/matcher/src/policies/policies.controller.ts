import { Body, Controller, Get, Param, Put, UseFilters } from '@nestjs/common';
import { ReviewErrorFilter } from '../review/review-error.filter';
import { AlliancePolicyService, type EffectivePolicy } from './alliance-policy.service';

/** An alliance's rules: offer window, points per project, matching weights (the effective values). */
@Controller('alliances/:allianceId/policy')
@UseFilters(ReviewErrorFilter)
export class PoliciesController {
  constructor(private readonly policies: AlliancePolicyService) {}

  @Get()
  get(@Param('allianceId') allianceId: string): Promise<EffectivePolicy> {
    return this.policies.get(allianceId);
  }

  @Put()
  put(@Param('allianceId') allianceId: string, @Body() body: unknown): Promise<EffectivePolicy> {
    return this.policies.put(allianceId, body);
  }
}
