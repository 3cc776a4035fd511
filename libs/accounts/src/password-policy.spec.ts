import {
  COMMON_PASSWORDS,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
} from './password-policy';
import { hashPassword, passwordMatches } from './passwords';

describe('passwordProblem', () => {
  it('accepts a long enough password of any characters, Chinese included', () => {
    expect(passwordProblem('luoyang-2026-spring', '13800138000')).toBeNull();
    expect(passwordProblem('邙岭路街道党建联盟红色众筹', '13800138000')).toBeNull();
    expect(passwordProblem('a'.repeat(9) + 'b', 'wang')).toBeNull();
  });

  it('counts characters, not bytes or UTF-16 units, at both bounds', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordProblem('红'.repeat(9), 'wang')).toBe('a password needs at least 10 characters');
    expect(passwordProblem('𠮷'.repeat(9) + 'x', 'wang')).toBeNull();
    expect(passwordProblem('ab'.repeat(64), 'wang')).toBeNull();
    expect(passwordProblem('ab'.repeat(64) + 'c', 'wang')).toBe(
      `a password has at most ${MAX_PASSWORD_LENGTH} characters`,
    );
  });

  it('refuses the passwords guessed first: common ones, one repeated character, the sign-in name', () => {
    expect(passwordProblem('1234567890', 'wang')).toBe('this password is among the first ones guessed');
    expect(passwordProblem('WOAINI1314', 'wang')).toBe('this password is among the first ones guessed');
    expect(passwordProblem('zzzzzzzzzzzz', 'wang')).toBe('this password is among the first ones guessed');
    expect(passwordProblem('my13800138000', '13800138000')).toBe(
      'a password must not contain the sign-in name',
    );
    expect(passwordProblem('Admin@Manglinglu!', 'admin@manglinglu')).toBe(
      'a password must not contain the sign-in name',
    );
  });

  it.each(COMMON_PASSWORDS)('refuses the common password %p', (common) => {
    expect(passwordProblem(common, 'wang')).toBe('this password is among the first ones guessed');
  });
});

describe('passwords', () => {
  it('hashes with argon2id at the stated cost and checks only the right password', async () => {
    const stored = await hashPassword('luoyang-2026-spring');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(passwordMatches('luoyang-2026-spring', stored)).resolves.toBe(true);
    await expect(passwordMatches('luoyang-2026-summer', stored)).resolves.toBe(false);
    expect(await hashPassword('luoyang-2026-spring')).not.toBe(stored); // salted
  });

  it('answers false, after the same work, when there is no hash or a broken one', async () => {
    await expect(passwordMatches('anything-at-all', null)).resolves.toBe(false);
    await expect(passwordMatches('anything-at-all', 'not-a-phc-string')).resolves.toBe(false);
  });
});
