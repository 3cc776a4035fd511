import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { AccountAdministration } from '@redcrowd/accounts';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { AllianceMembershipRow } from '@redcrowd/persistence';

/**
 * The people who act in an alliance (members' representatives, coordinators), as its
 * coordinators manage them: who holds which membership, and ending one when a unit's
 * representative changes. The alliance is checked by TenantGuard.
 */
@Controller('alliances/:allianceId/memberships')
export class MembershipsController {
  constructor(private readonly accounts: AccountAdministration) {}

  @Get()
  @Allow('coordinator', 'admin')
  list(@Param('allianceId') allianceId: string): Promise<AllianceMembershipRow[]> {
    return this.accounts.membershipsOf(allianceId);
  }

  @Delete(':membershipId')
  @HttpCode(204)
  @Allow('coordinator', 'admin')
  async revoke(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Param('membershipId', new ParseUUIDPipe()) membershipId: string,
  ): Promise<void> {
    await this.accounts.revokeMembership(allianceId, membershipId, caller);
  }
}
