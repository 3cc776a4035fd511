import { Module } from '@nestjs/common';
import { RosterController } from './roster.controller';
import { RosterService } from './roster.service';

/** The alliance roster (成员名册): member units and communities, audited. */
@Module({ controllers: [RosterController], providers: [RosterService], exports: [RosterService] })
export class RosterModule {}
