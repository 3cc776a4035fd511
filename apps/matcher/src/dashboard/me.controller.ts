import { Controller, Get, Inject } from '@nestjs/common';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import { DashboardReads } from './dashboard-reads.service';

/** What the signed-in person is, and what is theirs: a unit's offers, claims and points, a community's demands. */
@Controller('me')
export class MeController {
  constructor(
    private readonly reads: DashboardReads,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
  ) {}

  @Get()
  @Allow('coordinator', 'admin', 'unit', 'community')
  async whoAmI(@Caller() caller: Principal) {
    // A unit or community also gets its roster entry: where it is (the demand form starts
    // there) and who its contact is.
    const member = caller.unitId
      ? await this.reads.memberProfile(caller.allianceId!, 'unit', caller.unitId)
      : caller.communityId
        ? await this.reads.memberProfile(caller.allianceId!, 'community', caller.communityId)
        : null;
    return {
      subject: caller.subject,
      role: caller.role,
      name: caller.name,
      allianceId: caller.allianceId,
      allianceName: caller.allianceName ?? caller.allianceId,
      ...(caller.unitId ? { unitId: caller.unitId } : {}),
      ...(caller.communityId ? { communityId: caller.communityId } : {}),
      expiresAt: caller.expiresAt.toISOString(),
      // Where the dashboard's demand form posts lists (intake is a service of its own).
      intakeUrl: this.config.MATCHER_INTAKE_PUBLIC_URL,
      member,
    };
  }

  @Get('offers')
  @Allow('unit')
  offers(@Caller() caller: Principal): Promise<object[]> {
    return this.reads.offersOfUnit(caller.allianceId!, caller.unitId!);
  }

  @Get('claims')
  @Allow('unit')
  myClaims(@Caller() caller: Principal): Promise<object[]> {
    return this.reads.claimsOfUnit(caller.allianceId!, caller.unitId!);
  }

  @Get('points')
  @Allow('unit')
  points(@Caller() caller: Principal) {
    return this.reads.pointsOf(caller.allianceId!, caller.unitId!);
  }

  /** The unit's 资源清单 as stored, for the dashboard's form to revise. */
  @Get('resource-lists')
  @Allow('unit')
  resourceLists(@Caller() caller: Principal) {
    return this.reads.resourceListsOf(caller.allianceId!, caller.unitId!);
  }

  /** Demands the caller submitted: a community's, or a unit's own (units post demands too). */
  @Get('demands')
  @Allow('community', 'unit')
  demands(@Caller() caller: Principal): Promise<object[]> {
    return this.reads.demandsOf(caller.allianceId!, (caller.communityId ?? caller.unitId)!);
  }
}
