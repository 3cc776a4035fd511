import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { AccountAdministration, type AccountView } from '@redcrowd/accounts';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import { CreateAccountDto, UpdateAccountDto } from './dto/auth.dto';
import { linkUrl } from './links';

/** Accounts as an admin manages them: create (with a one-time setup link), list, disable. */
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountAdministration,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
  ) {}

  @Get()
  @Allow('admin')
  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  @Post()
  @Allow('admin')
  async create(
    @Caller() caller: Principal,
    @Body() body: CreateAccountDto,
  ): Promise<{ account: AccountView; setupLink: { url: string; expiresAt: Date } }> {
    const { account, setupLink } = await this.accounts.createAccount(
      {
        login: body.login,
        displayName: body.displayName,
        membership: {
          role: body.membership.role,
          allianceId: body.membership.allianceId ?? null,
          unitId: body.membership.unitId ?? null,
          communityId: body.membership.communityId ?? null,
        },
      },
      caller.subject,
    );
    return {
      account,
      setupLink: { url: linkUrl(this.config, setupLink.secret), expiresAt: setupLink.expiresAt },
    };
  }

  @Post(':accountId/setup-link')
  @Allow('admin')
  async setupLink(
    @Caller() caller: Principal,
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
  ): Promise<{ url: string; expiresAt: Date }> {
    const link = await this.accounts.issueSetupLink(accountId, caller.subject);
    return { url: linkUrl(this.config, link.secret), expiresAt: link.expiresAt };
  }

  @Patch(':accountId')
  @Allow('admin')
  update(
    @Caller() caller: Principal,
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: UpdateAccountDto,
  ): Promise<AccountView> {
    return this.accounts.setStatus(accountId, body.status, caller.subject);
  }
}
