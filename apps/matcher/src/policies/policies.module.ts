import { Module } from '@nestjs/common';
import { AlliancePolicyService } from './alliance-policy.service';
import { PoliciesController } from './policies.controller';

/** The joint meeting's rules per alliance: matching weights, offer window, points. */
@Module({
  controllers: [PoliciesController],
  providers: [AlliancePolicyService],
  exports: [AlliancePolicyService],
})
export class PoliciesModule {}
