import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import {
  AccountAdministration,
  AccountError,
  Invitations,
  SignInService,
  type LinkDescription,
  type SessionTokens,
} from '@redcrowd/accounts';
import { Public } from '@redcrowd/nest-auth';
import { AcceptLinkDto, RefreshDto, SignInDto, SignOutDto } from './dto/auth.dto';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';

const clientOf = (request: Request) => ({
  userAgent: request.headers['user-agent'] ?? null,
  address: request.ip ?? null,
});

/**
 * Signing in, staying signed in and signing out. Public routes: they are how a token is
 * obtained. Attempts are throttled per address and per sign-in name (AccountsModule).
 */
@Controller('auth')
@UseGuards(SignInThrottlerGuard)
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly accounts: AccountAdministration,
    private readonly invitations: Invitations,
  ) {}

  @Post('sign-in')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Public()
  signInWithPassword(@Body() body: SignInDto, @Req() request: Request): Promise<SessionTokens> {
    return this.signIn.signIn(body, clientOf(request));
  }

  @Post('refresh')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Public()
  refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return this.signIn.refresh(body.refreshToken, body.membershipId);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Public()
  async signOut(@Body() body: SignOutDto): Promise<void> {
    await this.signIn.signOut(body.refreshToken);
  }

  @Get('links/:secret')
  @Public()
  describeLink(@Param('secret') secret: string): Promise<LinkDescription> {
    return this.accounts.describeLink(secret);
  }

  @Post('links/:secret/accept')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Public()
  async acceptLink(
    @Param('secret') secret: string,
    @Body() body: AcceptLinkDto,
    @Req() request: Request,
  ): Promise<SessionTokens> {
    const client = clientOf(request);
    const { purpose } = await this.accounts.describeLink(secret);
    if (purpose === 'setup') return this.accounts.acceptSetupLink(secret, body.password, client);
    if (body.login === undefined || body.displayName === undefined) {
      throw new AccountError(
        'invalid-request',
        'accepting an invite needs a sign-in name and a display name',
        {
          field: body.login === undefined ? 'login' : 'displayName',
        },
      );
    }
    return this.invitations.accept(
      secret,
      { login: body.login, displayName: body.displayName, password: body.password },
      client,
    );
  }
}
