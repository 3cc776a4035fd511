import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { AlliancePolicyService, type EffectivePolicy } from './alliance-policy.service';
import { AlliancePolicyDto } from './dto/policy.dto';

/** An alliance's rules: offer window, points per project, matching weights, open registration (the effective values). */
@Controller('alliances/:allianceId/policy')
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
    @Body() body: AlliancePolicyDto,
  ): Promise<EffectivePolicy> {
    return this.policies.put(allianceOf(caller, allianceId), body);
  }
}
