import { Controller, Param, Post } from '@nestjs/common';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { MatchingRoundService, type RoundSummary } from './matching-round.service';

/** A coordinator calls a joint-meeting (联席会) round on demand. */
@Controller('alliances/:allianceId/rounds')
export class RoundsController {
  constructor(private readonly rounds: MatchingRoundService) {}

  @Post()
  @Allow('coordinator', 'admin')
  run(@Caller() caller: Principal, @Param('allianceId') allianceId: string): Promise<RoundSummary> {
    return this.rounds.run(allianceOf(caller, allianceId), 'coordinator');
  }
}
