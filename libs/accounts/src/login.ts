/**
 * Sign-in names as people type them. Here the usual one is a mainland mobile number, typed
 * with spaces or dashes (138 0013 8000), a +86 prefix, or full-width digits from a Chinese
 * input method; all of them are the same account. Any other name is compared in lower case.
 */
export type LoginReading = { login: string } | { problem: string };

const MOBILE = /^1[3-9]\d{9}$/;
const NAME = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

export function readLogin(typed: string): LoginReading {
  const halfWidth = typed.normalize('NFKC').trim();
  const digitsOnly = halfWidth.replace(/[\s-]/g, '').replace(/^(\+|00)86/, '');
  if (/^\d+$/.test(digitsOnly)) {
    return MOBILE.test(digitsOnly)
      ? { login: digitsOnly }
      : { problem: 'a mobile number has 11 digits and starts with 13 to 19' };
  }
  const name = halfWidth.toLowerCase();
  if (NAME.test(name)) return { login: name };
  return {
    problem: 'use a mobile number, or 3 to 64 letters, digits and . _ @ - starting with a letter or digit',
  };
}
