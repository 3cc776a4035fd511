import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors';
import { runCommand } from './processes';

// A private CA and a broker certificate it signed, for the local broker's SASL_SSL listener.
// Made with keytool because the broker needs Java anyway, so no other tool (openssl) is
// required; Node itself cannot write X.509 certificates.

const VALIDITY_DAYS = '3650';

export interface BrokerCertificates {
  /** PEM of the CA, for clients (KAFKA_TLS_CA_FILE). */
  caFile: string;
  /** PKCS12 keystore with the broker's key and certificate chain. */
  keystoreFile: string;
  keystorePassword: string;
}

/**
 * The certificates in `dir`, made once: the broker certificate names 127.0.0.1 and localhost,
 * so clients verify it (rejectUnauthorized stays on) when they trust the CA.
 */
export async function ensureBrokerCertificates(dir: string): Promise<BrokerCertificates> {
  const certificates = {
    caFile: path.join(dir, 'ca.pem'),
    keystoreFile: path.join(dir, 'broker.p12'),
  };
  const passwordFile = path.join(dir, 'keystore-password');
  if (![certificates.caFile, certificates.keystoreFile, passwordFile].every((file) => existsSync(file))) {
    // Made aside and moved in whole, so an interrupted run leaves no half a keystore behind.
    const draft = `${dir}.draft`;
    rmSync(draft, { recursive: true, force: true });
    mkdirSync(draft, { recursive: true });
    const password = randomBytes(18).toString('base64url');
    await makeCertificates(draft, password);
    writeFileSync(path.join(draft, 'keystore-password'), `${password}\n`, { mode: 0o600 });
    rmSync(dir, { recursive: true, force: true });
    renameSync(draft, dir);
  }
  return { ...certificates, keystorePassword: readFileSync(passwordFile, 'utf8').trim() };
}

async function makeCertificates(dir: string, password: string): Promise<void> {
  const store = (name: string) => ['-keystore', path.join(dir, name), '-storetype', 'PKCS12'];
  const passwords = ['-storepass', password, '-keypass', password];
  const newKey = ['-genkeypair', '-keyalg', 'RSA', '-keysize', '2048', '-validity', VALIDITY_DAYS];
  await keytool([
    ...newKey,
    ...['-alias', 'ca', '-dname', 'CN=redcrowd local Kafka CA', '-ext', 'bc:c'],
    ...store('ca.p12'),
    ...passwords,
  ]);
  await keytool([
    '-exportcert',
    '-rfc',
    '-alias',
    'ca',
    '-file',
    path.join(dir, 'ca.pem'),
    ...store('ca.p12'),
    ...passwords,
  ]);
  await keytool([
    ...newKey,
    '-alias',
    'broker',
    '-dname',
    'CN=localhost',
    ...store('broker.p12'),
    ...passwords,
  ]);
  await keytool([
    '-certreq',
    '-alias',
    'broker',
    '-file',
    path.join(dir, 'broker.csr'),
    ...store('broker.p12'),
    ...passwords,
  ]);
  await keytool([
    ...['-gencert', '-alias', 'ca', '-rfc', '-validity', VALIDITY_DAYS],
    ...['-infile', path.join(dir, 'broker.csr'), '-outfile', path.join(dir, 'broker.pem')],
    ...['-ext', 'SAN=ip:127.0.0.1,dns:localhost', '-ext', 'eku=serverAuth'],
    ...store('ca.p12'),
    ...passwords,
  ]);
  // The CA first, so that importing the signed certificate makes a chain up to it.
  await keytool([
    '-importcert',
    '-noprompt',
    '-alias',
    'ca',
    '-file',
    path.join(dir, 'ca.pem'),
    ...store('broker.p12'),
    ...passwords,
  ]);
  await keytool([
    '-importcert',
    '-alias',
    'broker',
    '-file',
    path.join(dir, 'broker.pem'),
    ...store('broker.p12'),
    ...passwords,
  ]);
}

async function keytool(args: string[]): Promise<void> {
  let result;
  try {
    result = await runCommand('keytool', args);
  } catch {
    throw new InfraError(
      '"keytool" (part of every Java installation) was not found; the local Kafka needs Java 17+.',
    );
  }
  if (result.exitCode !== 0) {
    throw new InfraError(
      `keytool ${args[0]} failed while making the local Kafka's certificates:\n${result.output.trim()}`,
    );
  }
}
