import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ProjectsModule } from '../projects/projects.module';
import { ListsAcceptedHandler } from './lists-accepted.handler';
import { MatchingRoundService } from './matching-round.service';
import { RoundsController } from './rounds.controller';

/** Matching rounds (联席会 pairing): on accepted lists, on a coordinator's call, after expiry. */
@Module({
  imports: [PoliciesModule, ProjectsModule],
  controllers: [ListsAcceptedHandler, RoundsController],
  providers: [MatchingRoundService],
  exports: [MatchingRoundService],
})
export class RoundsModule {}
