import 'reflect-metadata';
import { NestFactory, Reflector } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { topicNames } from '@redcrowd/contracts';
import {
  DatabaseThrottlerStorage,
  requestLogger,
  securityHeaders,
  writeThrottler,
} from '@redcrowd/nest-http';
import { ConsumerGroups, KAFKA, KafkaBatchTransport } from '@redcrowd/nest-kafka';
import { ConfigError, JsonLogger, loadConfig } from '@redcrowd/runtime';
import { MatcherConfig } from './config/matcher.config';
import { CLAIMS_BATCH_PATTERN } from './claims/claims.handler';
import { MatcherModule } from './matcher.module';
import { DASHBOARD_PATH, serveDashboard } from './dashboard/serve-dashboard';

async function bootstrap(): Promise<void> {
  const config = loadConfig(MatcherConfig);
  const logger = new JsonLogger('matcher', config.LOG_LEVEL);
  const app = await NestFactory.create(MatcherModule.forRoot(config, logger), { logger });
  app.enableShutdownHooks();
  // First: every request gets its line and id; the dashboard's files only at debug.
  app.use(requestLogger(logger, { quietPathPrefixes: [DASHBOARD_PATH] }));
  // Before the dashboard's routes: helmet everywhere, but the dashboard keeps its own policy.
  app.use(securityHeaders({ ownPolicyPaths: [DASHBOARD_PATH] }));
  // After the modules' guards (sign-in, tenancy), so a signed-in caller is counted by subject.
  app.useGlobalGuards(
    await writeThrottler(
      app.get(Reflector),
      { perMinute: config.MATCHER_WRITE_LIMIT_PER_MINUTE },
      app.get(DatabaseThrottlerStorage),
    ),
  );
  serveDashboard(app.getHttpAdapter().getInstance(), config.MATCHER_INTAKE_PUBLIC_URL);

  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const consumerGroups = app.get(ConsumerGroups);
  const consumer = app.get<Kafka>(KAFKA).consumer({
    groupId: config.MATCHER_CONSUMER_GROUP,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 1_000,
  });
  consumerGroups.watch(config.MATCHER_CONSUMER_GROUP, consumer);
  // lists.accepted.v1 is keyed by alliance: each alliance's partition, and so its rounds,
  // belong to one instance of the group at a time.
  app.connectMicroservice({
    strategy: new KafkaBatchTransport(
      consumer,
      [topics.listAccepted],
      1,
      undefined,
      consumerGroups.holdHooks(config.MATCHER_CONSUMER_GROUP),
    ),
  });
  // Claims have a consumer group of their own, so a slow round never delays a claim's answer.
  const claimsGroup = `${config.MATCHER_CONSUMER_GROUP}-claims`;
  const claimsConsumer = app.get<Kafka>(KAFKA).consumer({
    groupId: claimsGroup,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 1_000,
  });
  consumerGroups.watch(claimsGroup, claimsConsumer);
  app.connectMicroservice({
    strategy: new KafkaBatchTransport(
      claimsConsumer,
      [topics.claimsSubmitted],
      2,
      CLAIMS_BATCH_PATTERN,
      consumerGroups.holdHooks(claimsGroup),
    ),
  });
  // HTTP first: joining the groups can take a dead member's session timeout (~30 s after a
  // crash), and health, API and dashboard answer meanwhile; /health/ready says when they joined.
  await app.listen(config.MATCHER_HTTP_PORT, config.MATCHER_HTTP_HOST);
  const http = await app.getUrl();
  logger.event('info', 'matcher listening', { http });
  await app.startAllMicroservices();
  logger.event('info', 'matcher ready', {
    http,
    consumes: [topics.listAccepted, topics.claimsSubmitted],
    consumerGroup: config.MATCHER_CONSUMER_GROUP,
  });
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`matcher: ${error.message}\n`);
  } else {
    process.stderr.write(
      `matcher failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
