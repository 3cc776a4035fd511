import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { vocabularyModule } from './dashboard-vocabulary';

/*
 * The dashboard is static files: the page holds no data, and every call it makes carries
 * the person's token to guarded routes, so serving the files needs no sign-in. They live in
 * apps/matcher/dashboard (not compiled); the path is found from the repository root, which
 * is five levels above dist/apps/matcher/src/dashboard.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const DASHBOARD_DIR = path.join(REPO_ROOT, 'apps', 'matcher', 'dashboard');
const ECHARTS = path.join(REPO_ROOT, 'node_modules', 'echarts', 'dist', 'echarts.min.js');

/** Where the dashboard is served; its responses carry its own policy, not helmet's default. */
export const DASHBOARD_PATH = '/dashboard';

/**
 * The page keeps a sign-in token in sessionStorage, so injected script would be the worst
 * failure: scripts only from here, no framing, and connections only to this origin and
 * intake (the demand form). Inline styles stay allowed because ECharts writes them; blob:
 * images because a work report's photo is fetched with the token and shown from memory.
 */
function contentSecurityPolicy(intakeUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${new URL(intakeUrl).origin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function serveDashboard(server: Express, intakeUrl: string): void {
  if (!existsSync(path.join(DASHBOARD_DIR, 'index.html'))) {
    throw new Error(`the dashboard's files are missing from ${DASHBOARD_DIR}`);
  }
  if (!existsSync(ECHARTS)) throw new Error(`echarts is missing (${ECHARTS}): run npm ci`);
  const policy = contentSecurityPolicy(intakeUrl);
  // Every answer under /dashboard, files, scripts and refusals alike, carries the one policy
  // (helmet's other headers come from main.ts, which leaves the policy to this).
  server.use(DASHBOARD_PATH, (_request, response, next) => {
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  const headers = {
    setHeaders: (response: express.Response) => response.setHeader('Cache-Control', 'no-cache'),
  };
  server.get('/', (_request, response) => response.redirect(302, `${DASHBOARD_PATH}/`));
  server.get(`${DASHBOARD_PATH}/vendor/echarts.min.js`, (_request, response) => response.sendFile(ECHARTS));
  const vocabulary = vocabularyModule();
  server.get(`${DASHBOARD_PATH}/vocab.js`, (_request, response) => {
    response.type('text/javascript').setHeader('Cache-Control', 'no-cache');
    response.send(vocabulary);
  });
  server.use(
    DASHBOARD_PATH,
    express.static(DASHBOARD_DIR, { ...headers, index: 'index.html', fallthrough: false }),
  );
}
