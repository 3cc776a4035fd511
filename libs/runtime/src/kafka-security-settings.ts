// How every redcrowd Kafka client authenticates (SASL) and encrypts its connections (TLS), as
// settings of the environment. The rules live here once: ServiceConfig checks them at boot,
// and @redcrowd/kafka applies them (reading the files they name) for every kafkajs client,
// the tools' and tests' included.

export const SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** The security settings, named as in the environment. All unset: plaintext, no authentication. */
export interface KafkaSecuritySettings {
  KAFKA_SASL_MECHANISM?: string;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  /** A file that holds the password (a Docker or Kubernetes secret), instead of KAFKA_SASL_PASSWORD. */
  KAFKA_SASL_PASSWORD_FILE?: string;
  /** `true`: connect over TLS. */
  KAFKA_TLS?: string;
  /** PEM of the CA that signed the brokers' certificates, when it is not a public one. */
  KAFKA_TLS_CA_FILE?: string;
  /** PEM certificate and key of this client, for brokers that ask for one (mutual TLS). */
  KAFKA_TLS_CERT_FILE?: string;
  KAFKA_TLS_KEY_FILE?: string;
  /** `false` accepts any broker certificate: for a test rig, never for a deployment. */
  KAFKA_TLS_REJECT_UNAUTHORIZED?: string;
}

export type KafkaSecuritySetting = keyof KafkaSecuritySettings;

export const KAFKA_SECURITY_SETTINGS: readonly KafkaSecuritySetting[] = [
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_SASL_PASSWORD_FILE',
  'KAFKA_TLS',
  'KAFKA_TLS_CA_FILE',
  'KAFKA_TLS_CERT_FILE',
  'KAFKA_TLS_KEY_FILE',
  'KAFKA_TLS_REJECT_UNAUTHORIZED',
];

/** What the settings ask for, checked and normalised; files are named, not yet read. */
export interface KafkaSecurityPlan {
  sasl?: {
    mechanism: SaslMechanism;
    username: string;
    password: { value: string } | { file: string };
  };
  tls?: {
    caFile?: string;
    client?: { certFile: string; keyFile: string };
    rejectUnauthorized: boolean;
  };
}

export interface KafkaSettingProblem {
  setting: KafkaSecuritySetting;
  message: string;
}

/** Thrown when the settings are inconsistent or a file they name cannot be used. */
export class KafkaSecurityError extends Error {
  constructor(readonly problems: KafkaSettingProblem[]) {
    const lines = problems.map(({ setting, message }) => `  ${setting}: ${message}`);
    super(`invalid Kafka security settings:\n${lines.join('\n')}`);
    this.name = 'KafkaSecurityError';
  }
}

const SASL_ONLY: readonly KafkaSecuritySetting[] = [
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_SASL_PASSWORD_FILE',
];
const TLS_ONLY: readonly KafkaSecuritySetting[] = [
  'KAFKA_TLS_CA_FILE',
  'KAFKA_TLS_CERT_FILE',
  'KAFKA_TLS_KEY_FILE',
  'KAFKA_TLS_REJECT_UNAUTHORIZED',
];

/** Every problem of the settings; none means planKafkaSecurity succeeds. */
export function kafkaSecurityProblems(raw: KafkaSecuritySettings): KafkaSettingProblem[] {
  const settings = withoutBlanks(raw);
  const problems: KafkaSettingProblem[] = [];
  const problem = (setting: KafkaSecuritySetting, message: string) => problems.push({ setting, message });

  const mechanism = settings.KAFKA_SASL_MECHANISM;
  if (mechanism === undefined) {
    // Credentials without a mechanism would silently connect unauthenticated.
    for (const setting of SASL_ONLY) {
      if (settings[setting] !== undefined) problem(setting, 'is set, but KAFKA_SASL_MECHANISM is not');
    }
  } else {
    if (mechanismOf(mechanism) === undefined) {
      problem('KAFKA_SASL_MECHANISM', `must be one of ${SASL_MECHANISMS.join(', ')}, not "${mechanism}"`);
    }
    if (settings.KAFKA_SASL_USERNAME === undefined) {
      problem('KAFKA_SASL_USERNAME', 'is required when KAFKA_SASL_MECHANISM is set');
    }
    const passwords = [settings.KAFKA_SASL_PASSWORD, settings.KAFKA_SASL_PASSWORD_FILE];
    if (passwords.every((value) => value === undefined)) {
      problem(
        'KAFKA_SASL_PASSWORD',
        'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE is required when KAFKA_SASL_MECHANISM is set',
      );
    } else if (passwords.every((value) => value !== undefined)) {
      problem('KAFKA_SASL_PASSWORD_FILE', 'set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both');
    }
  }

  for (const setting of ['KAFKA_TLS', 'KAFKA_TLS_REJECT_UNAUTHORIZED'] as const) {
    const value = settings[setting];
    if (value !== undefined && booleanOf(value) === undefined) {
      problem(setting, `must be true or false, not "${value}"`);
    }
  }
  if (booleanOf(settings.KAFKA_TLS ?? 'false') !== true) {
    // A CA file without TLS would be ignored, and the connection left unencrypted.
    for (const setting of TLS_ONLY) {
      if (settings[setting] !== undefined) problem(setting, 'is set, but KAFKA_TLS is not true');
    }
  } else if ((settings.KAFKA_TLS_CERT_FILE === undefined) !== (settings.KAFKA_TLS_KEY_FILE === undefined)) {
    const missing = settings.KAFKA_TLS_CERT_FILE === undefined ? 'KAFKA_TLS_CERT_FILE' : 'KAFKA_TLS_KEY_FILE';
    problem(missing, 'a client certificate needs both KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE');
  }
  return problems;
}

/** The settings' plan; throws a KafkaSecurityError naming every bad setting. */
export function planKafkaSecurity(raw: KafkaSecuritySettings): KafkaSecurityPlan {
  const problems = kafkaSecurityProblems(raw);
  if (problems.length > 0) throw new KafkaSecurityError(problems);
  const settings = withoutBlanks(raw);
  const plan: KafkaSecurityPlan = {};
  const mechanism = mechanismOf(settings.KAFKA_SASL_MECHANISM ?? '');
  if (mechanism !== undefined) {
    plan.sasl = {
      mechanism,
      username: settings.KAFKA_SASL_USERNAME ?? '',
      password:
        settings.KAFKA_SASL_PASSWORD === undefined
          ? { file: settings.KAFKA_SASL_PASSWORD_FILE ?? '' }
          : { value: settings.KAFKA_SASL_PASSWORD },
    };
  }
  if (booleanOf(settings.KAFKA_TLS ?? 'false') === true) {
    const {
      KAFKA_TLS_CA_FILE: caFile,
      KAFKA_TLS_CERT_FILE: certFile,
      KAFKA_TLS_KEY_FILE: keyFile,
    } = settings;
    plan.tls = {
      rejectUnauthorized: booleanOf(settings.KAFKA_TLS_REJECT_UNAUTHORIZED ?? 'true') !== false,
      ...(caFile === undefined ? {} : { caFile }),
      ...(certFile === undefined || keyFile === undefined ? {} : { client: { certFile, keyFile } }),
    };
  }
  return plan;
}

/** The settings of an environment (process.env, or the env a tool gives a child process). */
export function kafkaSecuritySettingsOf(env: NodeJS.ProcessEnv): KafkaSecuritySettings {
  return Object.fromEntries(KAFKA_SECURITY_SETTINGS.map((setting) => [setting, env[setting]]));
}

/** Kafka's own documents spell mechanisms in capitals (SCRAM-SHA-512); both are accepted. */
function mechanismOf(value: string): SaslMechanism | undefined {
  const lower = value.trim().toLowerCase();
  return SASL_MECHANISMS.find((mechanism) => mechanism === lower);
}

function booleanOf(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** An empty variable counts as unset, as loadConfig treats it. */
function withoutBlanks(settings: KafkaSecuritySettings): KafkaSecuritySettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
}
