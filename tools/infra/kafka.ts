import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSecurityFromEnv, type KafkaSecurity } from '@redcrowd/kafka';
import { InfraError } from './errors';
import {
  prepareSecuredListener,
  scramUserAtFormat,
  scramUserOnRunningBroker,
  securedEndpoint,
  securedListenerName,
  securedListenerProperties,
  waitUntilSecuredServing,
  type SecuredKafkaEndpoint,
  type SecuredListener,
} from './kafka-secured';
import {
  commandWorks,
  errorMessage,
  isProcessAlive,
  lastLines,
  livePidFromFile,
  portAnswers,
  repoRoot,
  retryUntil,
  runCommand,
  stopProcessGroup,
} from './processes';

// A single-node Apache Kafka in KRaft mode (broker and controller in one JVM), assembled
// from Maven Central so a developer needs only Java and Maven, not Docker.
const KAFKA_VERSION = '4.1.1';
const LOG4J_SLF4J_VERSION = '2.24.3';
const HOST = '127.0.0.1';
const LOCAL_READY_TIMEOUT_MS = 90_000;
const EXTERNAL_READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 20_000;

const cacheDir = path.join(repoRoot, '.cache', 'kafka', KAFKA_VERSION);
const libDir = path.join(cacheDir, 'lib');
const jarsFetchedMarker = path.join(cacheDir, 'jars-fetched');
const dataDir = path.join(repoRoot, '.data', 'kafka');
const logDirs = path.join(dataDir, 'logs');
const propertiesFile = path.join(dataDir, 'server.properties');
const log4jFile = path.join(dataDir, 'log4j2.yaml');
const logFile = path.join(dataDir, 'kafka.log');
const consoleFile = path.join(dataDir, 'kafka.out');
const pidFile = path.join(dataDir, 'kafka.pid');
const securedDir = path.join(dataDir, 'secured');

interface BrokerPorts {
  broker: number;
  controller: number;
  /** The SASL_SSL listener's. */
  sasl: number;
}

export interface KafkaEndpoint {
  brokers: string[];
  /** True when this call launched the broker, so the caller may stop it again. */
  startedHere: boolean;
  /** The local broker's SASL_SSL listener; none for KAFKA_BROKERS, or a broker older code started. */
  secured?: SecuredKafkaEndpoint;
}

/** Uses KAFKA_BROKERS when set; otherwise reuses or starts the local broker. Resolves once it serves. */
export async function ensureKafka(env: NodeJS.ProcessEnv): Promise<KafkaEndpoint> {
  if (env.KAFKA_BROKERS) {
    const brokers = env.KAFKA_BROKERS.split(',')
      .map((broker) => broker.trim())
      .filter(Boolean);
    await waitUntilServing(
      brokers,
      // The cluster's own security settings, as the services will use them.
      { timeoutMs: EXTERNAL_READY_TIMEOUT_MS, security: kafkaSecurityFromEnv(env) },
      (reason) =>
        `Kafka at KAFKA_BROKERS=${env.KAFKA_BROKERS} did not answer within ${EXTERNAL_READY_TIMEOUT_MS / 1000} s (${reason}).`,
    );
    return { brokers, startedHere: false };
  }
  const brokerPort = port(env, 'KAFKA_PORT', 9092);
  const ports = {
    broker: brokerPort,
    controller: port(env, 'KAFKA_CONTROLLER_PORT', 9093),
    sasl: port(env, 'KAFKA_SASL_PORT', brokerPort + 2),
  };
  const runningPid = localKafkaPid();
  if (runningPid !== undefined) return reuseLocalKafka(runningPid, ports.broker);
  return startLocalKafka(ports, env.KAFKA_HEAP ?? '768m');
}

async function reuseLocalKafka(pid: number, brokerPort: number): Promise<KafkaEndpoint> {
  const runningPort = configuredBrokerPort();
  if (runningPort !== brokerPort) {
    throw new InfraError(
      `The local Kafka (pid ${pid}) listens on port ${runningPort}, not KAFKA_PORT=${brokerPort}. ` +
        'Run "npm run infra:down" to stop it first.',
    );
  }
  const brokers = [`${HOST}:${brokerPort}`];
  await waitUntilServing(
    brokers,
    { timeoutMs: LOCAL_READY_TIMEOUT_MS },
    (reason) =>
      `The local Kafka (pid ${pid}) runs but does not serve on ${brokers[0]} (${reason}). Its log ends:\n${brokerLogTail()}`,
  );
  const saslPort = configuredSaslPort();
  if (saslPort === undefined) {
    console.error(
      `The local Kafka (pid ${pid}) has no ${securedListenerName} listener: older code started it. ` +
        'Suites over the secured listener will fail; restart it with "npm run infra:down && npm run infra:up".',
    );
    return { brokers, startedHere: false };
  }
  const secured = securedEndpoint(await prepareSecuredListener(securedDir, saslPort), HOST);
  await waitUntilSecuredServing(secured, { timeoutMs: LOCAL_READY_TIMEOUT_MS });
  return { brokers, startedHere: false, secured };
}

async function startLocalKafka(ports: BrokerPorts, heap: string): Promise<KafkaEndpoint> {
  await fetchKafkaJars();
  const listener = await prepareSecuredListener(securedDir, ports.sasl);
  writeBrokerConfig(ports, listener);
  await formatStorageOnce(listener);
  for (const takenPort of [ports.broker, ports.controller, ports.sasl]) {
    if (await portAnswers(HOST, takenPort)) {
      throw new InfraError(
        `Port ${takenPort} on ${HOST} is taken by another process, so the local Kafka cannot start. ` +
          'Stop that process, choose other ports with KAFKA_PORT / KAFKA_CONTROLLER_PORT / KAFKA_SASL_PORT, ' +
          `or, if it is a Kafka broker you want to use, set KAFKA_BROKERS=${HOST}:${takenPort}.`,
      );
    }
  }
  const brokers = [`${HOST}:${ports.broker}`];
  const pid = spawnBroker(heap);
  console.error(`Started Kafka ${KAFKA_VERSION} (pid ${pid}) on ${brokers[0]}; waiting until it serves...`);
  const exited = (): boolean => !isProcessAlive(pid);
  await waitUntilServing(brokers, { timeoutMs: LOCAL_READY_TIMEOUT_MS, hopeless: exited }, (reason) => {
    const what = exited()
      ? 'exited while starting'
      : `did not serve within ${LOCAL_READY_TIMEOUT_MS / 1000} s`;
    return `Kafka ${what} (${reason}). Its log ends:\n${brokerLogTail()}`;
  });
  const secured = securedEndpoint(listener, HOST);
  // Storage formatted by older code has no SCRAM user yet; the running broker gets it.
  await waitUntilSecuredServing(secured, {
    timeoutMs: LOCAL_READY_TIMEOUT_MS,
    addUser: () => addScramUser(listener, brokers[0] ?? ''),
  });
  return { brokers, startedHere: true, secured };
}

/** Stops the broker that ensureKafka started under .data/kafka. Resolves false if none was running. */
export async function stopLocalKafka(): Promise<boolean> {
  const pid = localKafkaPid();
  if (pid !== undefined) await stopProcessGroup(pid, STOP_GRACE_MS);
  rmSync(pidFile, { force: true });
  return pid !== undefined;
}

/**
 * Stops the local broker and starts it again on the ports it had (the fault suite's broker
 * restart). Refuses, with the reason, when `brokers` are not that local broker: a cluster
 * of someone else's is never restarted.
 */
export async function restartLocalKafka(brokers: string[]): Promise<void> {
  const pid = localKafkaPid();
  const properties = existsSync(propertiesFile) ? readFileSync(propertiesFile, 'utf8') : '';
  const brokerPort = configuredBrokerPort();
  const controllerPort = /^controller\.quorum\.bootstrap\.servers=[^:]+:(\d+)/m.exec(properties)?.[1];
  if (pid === undefined || brokerPort === undefined || controllerPort === undefined) {
    throw new InfraError(
      'No local Kafka runs under .data/kafka, so it cannot be restarted. Run the suites with `npm test` ' +
        '(or `npm run infra:up`), which starts one; a broker of KAFKA_BROKERS is never restarted.',
    );
  }
  if (!brokers.includes(`${HOST}:${brokerPort}`)) {
    throw new InfraError(
      `The suites use Kafka at ${brokers.join(',')}, not the local broker on ${HOST}:${brokerPort}; ` +
        'only the local broker is restarted.',
    );
  }
  await stopLocalKafka();
  await ensureKafka({
    KAFKA_PORT: String(brokerPort),
    KAFKA_CONTROLLER_PORT: controllerPort,
    KAFKA_SASL_PORT: String(configuredSaslPort() ?? brokerPort + 2),
  });
}

export function localKafkaIsRunning(): boolean {
  return localKafkaPid() !== undefined;
}

function localKafkaPid(): number | undefined {
  const pid = livePidFromFile(pidFile);
  if (pid === undefined) return undefined;
  // After a reboot the recorded pid may belong to an unrelated process.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('kafka.Kafka') ? pid : undefined;
}

/** The broker port in the server.properties the running broker was started with. */
function configuredBrokerPort(): number | undefined {
  const properties = existsSync(propertiesFile) ? readFileSync(propertiesFile, 'utf8') : '';
  const match = /^listeners=PLAINTEXT:\/\/[^:]+:(\d+)/m.exec(properties);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The SASL_SSL port of the running broker's server.properties; none if older code wrote it. */
function configuredSaslPort(): number | undefined {
  const properties = existsSync(propertiesFile) ? readFileSync(propertiesFile, 'utf8') : '';
  const match = new RegExp(`^listeners=.*\\b${securedListenerName}://[^:]+:(\\d+)`, 'm').exec(properties);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new InfraError(`${name}=${env[name]} is not a TCP port number.`);
  }
  return value;
}

async function fetchKafkaJars(): Promise<void> {
  await requireJava17();
  if (existsSync(jarsFetchedMarker)) return;
  if (!(await commandWorks('mvn', ['-v']))) {
    throw missingTool(
      'Apache Maven ("mvn") is not installed; it fetches the Kafka jars from Maven Central once.',
    );
  }
  console.error(`Fetching Kafka ${KAFKA_VERSION} jars from Maven Central into ${libDir} (only once)...`);
  rmSync(libDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path.join(cacheDir, 'pom.xml'), kafkaRuntimePom());
  const fetched = await runCommand(
    'mvn',
    ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib', '-DincludeScope=runtime'],
    { cwd: cacheDir },
  );
  if (fetched.exitCode !== 0) {
    throw new InfraError(
      `Maven could not fetch the Kafka jars:\n${fetched.output.trim().split('\n').slice(-20).join('\n')}`,
    );
  }
  writeFileSync(jarsFetchedMarker, `${new Date().toISOString()}\n`);
}

async function requireJava17(): Promise<void> {
  let versionOutput: string;
  try {
    versionOutput = (await runCommand('java', ['-version'])).output;
  } catch {
    throw missingTool('Java is not installed.');
  }
  // `java -version` prints e.g. `openjdk version "17.0.15"` (or "1.8.0_392" for Java 8).
  const major = Number(/version "(?:1\.)?(\d+)/.exec(versionOutput)?.[1] ?? 0);
  if (major < 17)
    throw missingTool(
      `Kafka ${KAFKA_VERSION} needs Java 17 or newer, but "java -version" says:\n${versionOutput.trim()}`,
    );
}

function missingTool(problem: string): InfraError {
  return new InfraError(
    `${problem}\nTo run Kafka locally, install a Java 17+ JDK and Apache Maven ` +
      '(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ' +
      'or set KAFKA_BROKERS to a broker you already run (e.g. KAFKA_BROKERS=localhost:9092).',
  );
}

// Kafka logs through SLF4J; without log4j-slf4j-impl the broker would log nothing at all.
function kafkaRuntimePom(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.redcrowd</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>${LOG4J_SLF4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;
}

function writeBrokerConfig(ports: BrokerPorts, secured: SecuredListener): void {
  mkdirSync(dataDir, { recursive: true });
  const plaintext = `PLAINTEXT://${HOST}:${ports.broker}`;
  const sasl = `${securedListenerName}://${HOST}:${ports.sasl}`;
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.bootstrap.servers': `${HOST}:${ports.controller}`,
    // PLAINTEXT first: configuredBrokerPort reads it from there.
    listeners: `${plaintext},CONTROLLER://${HOST}:${ports.controller},${sasl}`,
    'advertised.listeners': `${plaintext},${sasl}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': `PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,${securedListenerName}:SASL_SSL`,
    'inter.broker.listener.name': 'PLAINTEXT',
    ...securedListenerProperties(secured),
    'log.dirs': logDirs,
    'num.partitions': '1',
    // One broker: internal topics cannot have more replicas than that.
    'offsets.topic.replication.factor': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    // Tests start consumers often; the default 3 s delay before the first rebalance slows each one.
    'group.initial.rebalance.delay.ms': '0',
    // Topics come from ensureTopics only, so a typo in a topic name fails instead of creating a topic.
    'auto.create.topics.enable': 'false',
  };
  const lines = Object.entries(properties).map(([key, value]) => `${key}=${value}`);
  writeFileSync(
    propertiesFile,
    `# Written by tools/infra/kafka.ts on every start; edits are lost.\n${lines.join('\n')}\n`,
  );
  writeFileSync(
    log4jFile,
    `Configuration:
  Appenders:
    File: { name: file, fileName: ${JSON.stringify(logFile)}, PatternLayout: { pattern: "[%d] %p %m (%c)%n" } }
  Loggers:
    Root: { level: INFO, AppenderRef: [{ ref: file }] }
`,
  );
}

async function formatStorageOnce(secured: SecuredListener): Promise<void> {
  if (existsSync(path.join(logDirs, 'meta.properties'))) return;
  const clusterId = (await storageTool(['random-uuid'])).trim().split('\n').pop() ?? '';
  await storageTool([
    ...['format', '-t', clusterId, '-c', propertiesFile, '--standalone'],
    ...scramUserAtFormat(secured),
  ]);
}

async function storageTool(args: string[]): Promise<string> {
  const result = await runCommand('java', [...javaBaseArgs(), 'kafka.tools.StorageTool', ...args], {
    cwd: dataDir,
  });
  if (result.exitCode !== 0) {
    throw new InfraError(
      `Formatting Kafka storage in ${logDirs} failed (StorageTool ${args[0]}):\n${result.output.trim()}`,
    );
  }
  return result.stdout;
}

/** Creates the secured listener's user on the running broker (what kafka-configs.sh runs). */
async function addScramUser(secured: SecuredListener, bootstrap: string): Promise<void> {
  const result = await runCommand(
    'java',
    [...javaBaseArgs(), 'kafka.admin.ConfigCommand', ...scramUserOnRunningBroker(secured, bootstrap)],
    { cwd: dataDir },
  );
  if (result.exitCode !== 0) {
    throw new InfraError(`Creating the SCRAM user ${secured.username} failed:\n${result.output.trim()}`);
  }
  console.error(
    `Created the SCRAM user ${secured.username}: the Kafka storage predates the secured listener.`,
  );
}

function javaBaseArgs(): string[] {
  // Java expands the `lib/*` wildcard itself, so no shell is involved.
  return [`-Dlog4j2.configurationFile=${log4jFile}`, '-cp', path.join(libDir, '*')];
}

/** Launches the broker in its own process group so it outlives this CLI and Ctrl-C in its terminal. */
function spawnBroker(heap: string): number {
  // Start both logs afresh so a failure report shows this start, not an older one.
  if (existsSync(logFile)) renameSync(logFile, `${logFile}.previous`);
  const consoleOutput = openSync(consoleFile, 'w');
  const broker = spawn('java', [`-Xmx${heap}`, ...javaBaseArgs(), 'kafka.Kafka', propertiesFile], {
    cwd: dataDir,
    detached: true,
    stdio: ['ignore', consoleOutput, consoleOutput],
  });
  closeSync(consoleOutput);
  broker.on('error', () => undefined); // a failed spawn shows up as a missing pid just below
  if (broker.pid === undefined) throw new InfraError(`Could not start "java" for Kafka; see ${consoleFile}.`);
  broker.unref();
  writeFileSync(pidFile, `${broker.pid}\n`);
  return broker.pid;
}

function brokerLogTail(): string {
  // The JVM reports its own failures (bad heap size, missing class) on the console, not the log.
  const consoleTail = existsSync(consoleFile) ? lastLines(consoleFile, 20).trim() : '';
  return (consoleTail ? `${consoleTail}\n--- ${logFile} ---\n` : '') + lastLines(logFile, 20);
}

/**
 * Waits until a metadata request succeeds and the group coordinator has loaded: a fresh
 * broker first answers consumers with "coordinator is loading", which makes early tests flaky.
 */
async function waitUntilServing(
  brokers: string[],
  retry: { timeoutMs: number; hopeless?: () => boolean; security?: KafkaSecurity },
  describeFailure: (reason: string) => string,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'redcrowd-infra',
    brokers,
    ...retry.security,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 2 },
  });
  const admin = kafka.admin();
  try {
    await retryUntil(async () => {
      await admin.connect();
      await admin.describeCluster();
      await admin.describeGroups(['redcrowd-warmup']);
    }, retry);
  } catch (error) {
    throw new InfraError(describeFailure(errorMessage(error)));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
