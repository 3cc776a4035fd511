import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import type { Principal } from '@redcrowd/auth';
import { DomainError, MEMBER_KINDS, type MemberKind } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { RosterMember } from '@redcrowd/persistence';
import { AddMemberDto, MembersQueryDto, UpdateMemberDto } from './dto/member.dto';
import { RosterService } from './roster.service';

/** The alliance roster (成员名册), kept by its coordinators; the alliance is checked by TenantGuard. */
@Controller('alliances/:allianceId/members')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @Allow('coordinator', 'admin')
  list(@Param('allianceId') allianceId: string, @Query() query: MembersQueryDto): Promise<RosterMember[]> {
    return this.roster.list(allianceId, query.kind);
  }

  @Post()
  @Allow('coordinator', 'admin')
  add(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Body() body: AddMemberDto,
  ): Promise<RosterMember> {
    return this.roster.add(allianceId, caller.subject, body);
  }

  @Patch(':kind/:memberId')
  @Allow('coordinator', 'admin')
  update(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Param('kind') kind: string,
    @Param('memberId') memberId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<RosterMember> {
    if (!(MEMBER_KINDS as readonly string[]).includes(kind)) {
      throw new DomainError('member-not-found', `no ${kind} ${memberId} on the roster`);
    }
    return this.roster.update(allianceId, kind as MemberKind, memberId, caller.subject, body);
  }
}
