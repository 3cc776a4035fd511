import { decideRefresh, linkProblem, type RefreshTokenState } from './refresh';
import { hashSecret, newSecret } from './secrets';

const NOW = new Date('2026-11-28T10:00:00+08:00');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const fresh: RefreshTokenState = {
  usedAt: null,
  sessionRevokedAt: null,
  sessionExpiresAt: later(3600_000),
  accountStatus: 'active',
};

describe('decideRefresh', () => {
  it('rotates a fresh token of an open session', () => {
    expect(decideRefresh(fresh, NOW)).toEqual({ kind: 'rotate' });
  });

  it('calls a second use reuse, which revokes the session', () => {
    expect(decideRefresh({ ...fresh, usedAt: later(-1000) }, NOW)).toEqual({ kind: 'reused' });
  });

  it('ends on unknown tokens, revoked and expired sessions, and disabled accounts', () => {
    expect(decideRefresh(undefined, NOW)).toEqual({ kind: 'ended', why: 'unknown', revoke: false });
    expect(decideRefresh({ ...fresh, sessionRevokedAt: later(-1), usedAt: later(-1) }, NOW)).toEqual({
      kind: 'ended',
      why: 'revoked',
      revoke: false,
    });
    expect(decideRefresh({ ...fresh, sessionExpiresAt: NOW }, NOW)).toEqual({
      kind: 'ended',
      why: 'expired',
      revoke: false,
    });
    expect(decideRefresh({ ...fresh, sessionExpiresAt: later(1) }, NOW)).toEqual({ kind: 'rotate' });
    expect(decideRefresh({ ...fresh, accountStatus: 'disabled' }, NOW)).toEqual({
      kind: 'ended',
      why: 'account-disabled',
      revoke: true,
    });
  });
});

describe('linkProblem', () => {
  it('accepts an unused link until the moment it expires', () => {
    expect(linkProblem({ usedAt: null, expiresAt: later(1) }, NOW)).toBeNull();
    expect(linkProblem({ usedAt: null, expiresAt: NOW }, NOW)).toBe(
      'this link has expired; ask for a new one',
    );
  });

  it('refuses unknown and used links, saying which', () => {
    expect(linkProblem(undefined, NOW)).toBe('this link is not valid; ask for a new one');
    expect(linkProblem({ usedAt: later(-1), expiresAt: later(1) }, NOW)).toBe(
      'this link has been used already; ask for a new one',
    );
  });
});

describe('secrets', () => {
  it('are 256 random bits, stored as their SHA-256', () => {
    const { secret, hash } = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashSecret(secret));
    expect(hashSecret('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(newSecret().secret).not.toBe(secret);
  });
});
