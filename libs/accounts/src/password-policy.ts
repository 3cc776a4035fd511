/**
 * What a new password must be (NIST SP 800-63B): long enough, not absurdly long (argon2 has
 * to hash it), and not one of the passwords tried first by anyone guessing — the common
 * ones, or the person's own sign-in name. No composition rules: they make passwords worse.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

// The most common passwords of Chinese and English leaks that are 10 characters or more.
export const COMMON_PASSWORDS: readonly string[] = [
  '1234567890',
  '0123456789',
  '12345678910',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'a123456789',
  'password123',
  'iloveyou1314',
  '5201314520',
  '1314520520',
  'woaini1314',
  'abc1234567',
  'qq123456789',
  '0987654321',
  '1111111111',
  '8888888888',
  '6666666666',
];
const COMMON = new Set(COMMON_PASSWORDS);

export function passwordProblem(password: string, login: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `a password has at most ${MAX_PASSWORD_LENGTH} characters`;
  const lowered = password.toLowerCase();
  if (COMMON.has(lowered) || /^(.)\1+$/.test(password))
    return 'this password is among the first ones guessed';
  if (lowered.includes(login.toLowerCase())) return 'a password must not contain the sign-in name';
  return null;
}
