import * as oidc from 'openid-client';

/** Who an identity provider says signed in. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  name?: string;
  phoneNumber?: string;
  email?: string;
}

/** What a sign-on needs of a provider: where to send the person, and who came back. */
export interface IdentityProvider {
  readonly displayName: string;
  authorizationUrl(request: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<URL>;
  identify(
    callback: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderIdentity>;
}

export interface OpenIdConnectSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** The button's words, e.g. 统一身份认证 or Keycloak. */
  displayName: string;
}

/** A provider on this machine may speak plain HTTP (development, tests); any other must use HTTPS. */
function isLoopback(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/**
 * Any OpenID Connect provider (Keycloak, Casdoor, Authing, a government SSO) through
 * openid-client: discovery, authorization code flow with PKCE (S256), state and nonce, ID
 * token validation. Discovery happens at the first sign-on, so a provider that is down does
 * not stop the matcher starting; a failed discovery is tried again next time.
 */
export class OpenIdConnectProvider implements IdentityProvider {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OpenIdConnectSettings) {}

  get displayName(): string {
    return this.settings.displayName;
  }

  async authorizationUrl(request: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<URL> {
    return oidc.buildAuthorizationUrl(await this.configured(), {
      redirect_uri: request.redirectUri,
      scope: 'openid profile phone email',
      response_type: 'code',
      state: request.state,
      nonce: request.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  async identify(
    callback: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderIdentity> {
    const configuration = await this.configured();
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    const text = (value: unknown) =>
      typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    return {
      issuer: claims.iss,
      subject: claims.sub,
      ...(text(claims.name) ? { name: text(claims.name)! } : {}),
      ...(text(claims.phone_number) ? { phoneNumber: text(claims.phone_number)! } : {}),
      ...(text(claims.email) ? { email: text(claims.email)! } : {}),
    };
  }

  private configured(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        undefined,
        this.settings.clientSecret ? oidc.ClientSecretBasic(this.settings.clientSecret) : oidc.None(),
        isLoopback(new URL(this.settings.issuer)) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

/** Fresh values for one attempt: state, nonce and the PKCE code verifier. */
export function newAttemptSecrets(): { state: string; nonce: string; codeVerifier: string } {
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
}
