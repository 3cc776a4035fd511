import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';

/** The private half, kept by the service that signs in (the matcher) and nowhere else. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** A new key pair as stored: the public JWK is published, the PKCS#8 PEM stays private. */
export interface GeneratedSigningKey {
  kid: string;
  publicJwk: JWK;
  privatePkcs8: string;
}

const ALGORITHM = 'EdDSA';

/** A fresh Ed25519 key pair, named by its RFC 7638 thumbprint (so a kid never collides). */
export async function generateSigningKey(): Promise<GeneratedSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    publicJwk: { ...jwk, kid, alg: ALGORITHM, use: 'sig' },
    privatePkcs8: await exportPKCS8(privateKey),
  };
}

/** The stored private key, ready to sign. */
export async function importSigningKey(kid: string, privatePkcs8: string): Promise<SigningKey> {
  return { kid, privateKey: await importPKCS8(privatePkcs8, ALGORITHM) };
}
