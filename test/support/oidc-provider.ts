import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './intake-process';

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What MATCHER_OIDC_* a matcher needs to use it. */
  matcherEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the test OpenID Connect provider (test/support/oidc-provider-server.mjs) in its own process,
 * with one client whose redirect URI is the matcher's callback at `matcherUrl`.
 */
export async function startIdentityProvider(
  matcherUrl: string,
  people: Record<string, { name?: string; phone_number?: string }>,
): Promise<TestIdentityProvider> {
  const port = await freePort();
  const clientId = 'redcrowd-test';
  const clientSecret = 'redcrowd-test-client-secret-0123456789';
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider-server.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_PORT: String(port),
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: `${matcherUrl}/auth/sso/callback`,
      OIDC_PEOPLE: JSON.stringify(people),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`oidc-provider did not start:\n${output.join('')}`)),
      30_000,
    );
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('oidc-provider ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited with ${code}:\n${output.join('')}`));
    });
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    matcherEnv: {
      MATCHER_OIDC_ISSUER: issuer,
      MATCHER_OIDC_CLIENT_ID: clientId,
      MATCHER_OIDC_CLIENT_SECRET: clientSecret,
      MATCHER_OIDC_NAME: '测试统一身份认证',
      MATCHER_PUBLIC_URL: matcherUrl,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
