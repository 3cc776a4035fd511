import { Body, Controller, Get, Param, Put, UseFilters } from '@nestjs/common';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ReviewErrorFilter } from '../review/review-error.filter';
import { AlliancePolicyService, type EffectivePolicy } from './alliance-policy.service';

/** An alliance's rules: offer window, points per project, matching weights (the effective values). */
@Controller('alliances/:allianceId/policy')
@UseFilters(ReviewErrorFilter)
export class PoliciesController {
  constructor(private readonly policies: AlliancePolicyService) {}

  @Get()
  @Allow('coordinator', 'admin')
  get(@Caller() caller: Principal, @Param('allianceId') allianceId: string): Promise<EffectivePolicy> {
    return this.policies.get(allianceOf(caller, allianceId));
  }

  @Put()
  @Allow('coordinator', 'admin')
  put(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Body() body: unknown,
  ): Promise<EffectivePolicy> {
    return this.policies.put(allianceOf(caller, allianceId), body);
  }
}
