import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AccountAdministration, type AccountView, type SessionView } from '@redcrowd/accounts';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ChangePasswordDto } from './dto/auth.dto';

/**
 * The signed-in person's own account: memberships, password, sessions. (GET /me answers who
 * the token says the caller is, for every token; this is the account behind it.)
 */
@Controller('account')
export class AccountController {
  constructor(private readonly accounts: AccountAdministration) {}

  @Get()
  @Allow('coordinator', 'unit', 'community', 'admin')
  mine(@Caller() caller: Principal): Promise<{ account: AccountView | null; sessions: SessionView[] }> {
    return this.accounts.me(caller);
  }

  @Post('password')
  @HttpCode(200)
  @Allow('coordinator', 'unit', 'community', 'admin')
  changePassword(
    @Caller() caller: Principal,
    @Body() body: ChangePasswordDto,
  ): Promise<{ sessionsEnded: number }> {
    return this.accounts.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @Allow('coordinator', 'unit', 'community', 'admin')
  async endSession(
    @Caller() caller: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<void> {
    await this.accounts.endSession(caller, sessionId);
  }
}
