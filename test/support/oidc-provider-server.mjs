// A real OpenID Connect provider for the tests (the `oidc-provider` package, in its own
// process, as Keycloak or a government SSO would be): authorization code with PKCE, and its
// development login and consent pages, where any login name signs in as that person.
// Environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI,
// OIDC_PEOPLE (JSON: login -> { name, phone_number }).
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const people = JSON.parse(process.env.OIDC_PEOPLE ?? '{}');

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  claims: { openid: ['sub'], profile: ['name'], phone: ['phone_number'], email: ['email'] },
  // The requested profile and phone claims go into the ID token, where redcrowd reads them.
  conformIdTokenClaims: false,
  cookies: { keys: ['redcrowd-test-oidc-cookies'] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...(people[id] ?? { name: id }) };
      },
    };
  },
});
// The development pages print a warning per request; the tests need only the ready line.
provider.on('server_error', (_ctx, error) => console.error(`oidc-provider error: ${error.message}`));
provider.listen(port, '127.0.0.1', () => console.log('oidc-provider ready'));
