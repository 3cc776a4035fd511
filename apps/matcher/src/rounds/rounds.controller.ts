import { Controller, Param, Post } from '@nestjs/common';
import { MatchingRoundService, type RoundSummary } from './matching-round.service';

/** A coordinator calls a joint-meeting (联席会) round on demand. */
@Controller('alliances/:allianceId/rounds')
export class RoundsController {
  constructor(private readonly rounds: MatchingRoundService) {}

  @Post()
  run(@Param('allianceId') allianceId: string): Promise<RoundSummary> {
    return this.rounds.run(allianceId, 'coordinator');
  }
}
