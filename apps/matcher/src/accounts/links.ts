import type { MatcherConfig } from '../config/matcher.config';

/** The dashboard page a one-time link opens; the secret rides in the fragment, never in logs. */
export function linkUrl(config: Pick<MatcherConfig, 'MATCHER_PUBLIC_URL'>, secret: string): string {
  return `${config.MATCHER_PUBLIC_URL.replace(/\/$/, '')}/dashboard/#link=${secret}`;
}
