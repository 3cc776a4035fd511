import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@redcrowd/runtime';

// Every property has an explicit type: decorator metadata, which converts the env's
// strings, records only declared types.

/** The matcher's environment, validated at boot (see README's configuration table). */
export class MatcherConfig extends ServiceConfig {
  @IsString()
  @IsNotEmpty()
  MATCHER_CLIENT_ID: string = 'redcrowd-matcher';

  /** Matcher instances sharing this group share the alliances (by partition of lists.accepted.v1). */
  @IsString()
  @IsNotEmpty()
  MATCHER_CONSUMER_GROUP: string = 'redcrowd-matcher';

  @IsString()
  MATCHER_HTTP_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(0)
  @Max(65535)
  MATCHER_HTTP_PORT: number = 3001;

  /** Where browsers reach intake's HTTP API; the dashboard's demand form posts there. */
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+\/?$/, {
    message: 'MATCHER_INTAKE_PUBLIC_URL must look like http://host:port',
  })
  MATCHER_INTAKE_PUBLIC_URL: string = 'http://127.0.0.1:3000';

  /** A change waits this long for others of the same burst before its round runs. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  MATCHER_DEBOUNCE_MS: number = 300;

  /** How long a unit has to claim an offer before it reopens to the open hall. */
  @IsInt()
  @Min(100)
  MATCHER_OFFER_WINDOW_MS: number = 48 * 60 * 60 * 1000;

  /** Points (积分) a completed project earns its claiming units, shared by quantity. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  MATCHER_POINTS_PER_PROJECT: number = 10;

  /** Where people reach the matcher (its dashboard), for the links it hands out. */
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'MATCHER_PUBLIC_URL must look like https://host[:port]',
  })
  MATCHER_PUBLIC_URL: string = 'http://127.0.0.1:3001';

  /** Lifetime of access tokens; a disabled account or ended session stops working within it. */
  @IsInt()
  @Min(60)
  @Max(3600)
  MATCHER_ACCESS_TOKEN_TTL_SECONDS: number = 600;

  /** A sign-in's absolute lifetime; refreshing never extends it. */
  @IsInt()
  @Min(3600)
  @Max(90 * 24 * 3600)
  MATCHER_SESSION_TTL_SECONDS: number = 30 * 24 * 3600;

  /** Sign-in attempts per address per minute. */
  @IsInt()
  @Min(1)
  MATCHER_SIGN_IN_LIMIT_PER_ADDRESS: number = 30;

  /** Sign-in attempts per sign-in name per 15 minutes, whether the name exists or not. */
  @IsInt()
  @Min(1)
  MATCHER_SIGN_IN_LIMIT_PER_LOGIN: number = 10;

  /**
   * Writes (POST, PUT, PATCH, DELETE) one caller may make a minute, over all routes: per
   * token subject, else per address. Sign-in attempts count here too, besides their own limits.
   */
  @IsInt()
  @Min(1)
  MATCHER_WRITE_LIMIT_PER_MINUTE: number = 600;

  /**
   * Single sign-on with an OpenID Connect provider (Keycloak, Casdoor, Authing, a government
   * SSO): its issuer URL. Unset: sign-in by password only. Register the redirect URI
   * MATCHER_PUBLIC_URL + /auth/sso/callback at the provider.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'MATCHER_OIDC_ISSUER must be an http(s) URL' },
  )
  MATCHER_OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  MATCHER_OIDC_CLIENT_ID?: string;

  /** Absent for a public client (PKCE alone). */
  @IsOptional()
  @IsString()
  MATCHER_OIDC_CLIENT_SECRET?: string;

  /** What the sign-in button says, e.g. 统一身份认证. */
  @IsString()
  MATCHER_OIDC_NAME: string = '统一身份认证';

  /** How often expired offers are looked for. */
  @IsInt()
  @Min(100)
  MATCHER_OFFER_SWEEP_MS: number = 5_000;
}
