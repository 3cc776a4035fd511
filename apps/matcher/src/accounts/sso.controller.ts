import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Optional,
  Post,
  Query,
  Redirect,
  Req,
  UseGuards,
} from '@nestjs/common';
import type { Request } from 'express';
import { AccountError, SingleSignOn, type SessionTokens } from '@redcrowd/accounts';
import { DomainError } from '@redcrowd/contracts';
import { Public } from '@redcrowd/nest-auth';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import { CompleteSsoDto, StartSsoDto } from './dto/auth.dto';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';

/**
 * Single sign-on with the deployment's OpenID Connect provider, when one is configured
 * (MATCHER_OIDC_ISSUER). The browser goes to `start`, signs in at the provider, comes back
 * to `callback`, which sends it to the dashboard with a one-time hand-off in the fragment;
 * the dashboard exchanges that at `complete` for the session. All public: they are how a
 * token is obtained.
 */
@Controller('auth/sso')
@UseGuards(SignInThrottlerGuard)
export class SsoController {
  constructor(
    @Optional() @Inject(SingleSignOn) private readonly sso: SingleSignOn | null,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
  ) {}

  @Get()
  @Public()
  describe(): { enabled: boolean; name: string | null } {
    return { enabled: this.sso !== null, name: this.sso?.providerName ?? null };
  }

  @Get('start')
  @Public()
  @Redirect()
  async start(@Query() query: StartSsoDto): Promise<{ url: string; statusCode: number }> {
    // The browser is navigating, not calling: a refusal goes to the page, which shows it.
    return this.redirectOrRefusal(async () => (await this.configured().start(query.invite)).href);
  }

  @Get('callback')
  @Public()
  @Redirect()
  async callback(@Req() request: Request): Promise<{ url: string; statusCode: number }> {
    const current = new URL(request.originalUrl, this.config.MATCHER_PUBLIC_URL);
    return this.redirectOrRefusal(
      async () => `${this.dashboard()}#sso=${await this.configured().callback(current)}`,
    );
  }

  @Post('complete')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  complete(@Body() body: CompleteSsoDto, @Req() request: Request): Promise<SessionTokens> {
    return this.configured().complete(body.handoff, {
      userAgent: request.headers['user-agent'] ?? null,
      address: request.ip ?? null,
    });
  }

  private dashboard(): string {
    return `${this.config.MATCHER_PUBLIC_URL.replace(/\/$/, '')}/dashboard/`;
  }

  /** A redirect to where `target` says, or to the dashboard with the domain refusal in the fragment. */
  private async redirectOrRefusal(
    target: () => Promise<string>,
  ): Promise<{ url: string; statusCode: number }> {
    try {
      return { url: await target(), statusCode: 302 };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const answer = new URLSearchParams({ 'sso-error': error.code, message: error.message });
      return { url: `${this.dashboard()}#${answer.toString()}`, statusCode: 302 };
    }
  }

  private configured(): SingleSignOn {
    if (!this.sso) throw new AccountError('not-found', 'single sign-on is not configured here');
    return this.sso;
  }
}
