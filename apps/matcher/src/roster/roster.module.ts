import { Module } from '@nestjs/common';
import { RoundsModule } from '../rounds/rounds.module';
import { RosterController } from './roster.controller';
import { RosterService } from './roster.service';

/** The alliance roster (成员名册): member units and communities, audited; admissions rematch. */
@Module({
  imports: [RoundsModule],
  controllers: [RosterController],
  providers: [RosterService],
  exports: [RosterService],
})
export class RosterModule {}
