import { Algorithm, hash, verify } from '@node-rs/argon2';

/*
 * argon2id with the OWASP-recommended cost (19 MiB, 2 passes, 1 lane): @node-rs/argon2's
 * defaults, written out so a library upgrade cannot weaken them unnoticed. Stored as the
 * PHC string, which carries its own parameters, so raising the cost later keeps old hashes valid.
 */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Whether `password` matches `stored`. With no stored hash (no such account, or none set
 * yet) the same work is done against a throwaway hash, so the answer takes as long either
 * way and its timing does not tell whether an account exists.
 */
export async function passwordMatches(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) {
    await verify(await throwawayHash(), password);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

let throwaway: Promise<string> | undefined;
function throwawayHash(): Promise<string> {
  // Stryker disable next-line StringLiteral: the text is irrelevant; only the hashing work matters
  throwaway ??= hash('no account has this password', OPTIONS);
  return throwaway;
}
