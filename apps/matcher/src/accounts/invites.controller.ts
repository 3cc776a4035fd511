import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { INVITE_VALID_HOURS, Invitations, type InviteView } from '@redcrowd/accounts';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import { CreateInviteDto } from './dto/auth.dto';
import { linkUrl } from './links';

/** What a coordinator gets for a new invite: the link, shown once, and its QR code. */
export interface CreatedInviteAnswer {
  id: string;
  url: string;
  qrPng: string;
  role: string;
  memberId: string | null;
  memberName: string | null;
  expiresAt: Date;
}

/**
 * Invites to the alliance: coordinators hand a one-time link (or its QR code, for a WeChat
 * group) to a unit's or community's representative, or to a fellow coordinator. Units and
 * communities cannot invite. The alliance is checked by TenantGuard.
 */
@Controller('alliances/:allianceId/invites')
export class InvitesController {
  constructor(
    private readonly invitations: Invitations,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
  ) {}

  @Post()
  @Allow('coordinator', 'admin')
  async create(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Body() body: CreateInviteDto,
  ): Promise<CreatedInviteAnswer> {
    const invite = await this.invitations.create(
      {
        allianceId,
        role: body.role,
        ...(body.memberId ? { memberId: body.memberId } : {}),
        validHours: body.validHours ?? INVITE_VALID_HOURS.default,
      },
      caller.subject,
    );
    const url = linkUrl(this.config, invite.secret);
    return {
      id: invite.id,
      url,
      // Medium error correction survives a phone photo of a printed or forwarded code.
      qrPng: await toDataURL(url, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 512 }),
      role: invite.role,
      memberId: invite.memberId,
      memberName: invite.memberName,
      expiresAt: invite.expiresAt,
    };
  }

  @Get()
  @Allow('coordinator', 'admin')
  list(@Param('allianceId') allianceId: string): Promise<InviteView[]> {
    return this.invitations.list(allianceId);
  }
}
