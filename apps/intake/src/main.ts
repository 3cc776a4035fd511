import 'reflect-metadata';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { LIMITS, topicNames } from '@redcrowd/contracts';
import { ConfigError, JsonLogger, loadConfig } from '@redcrowd/runtime';
import { IntakeConfig } from './config/intake.config';
import { IntakeModule } from './intake/intake.module';
import {
  DatabaseThrottlerStorage,
  requestLogger,
  securityHeaders,
  writeThrottler,
} from '@redcrowd/nest-http';
import { ConsumerGroups, KAFKA, KafkaBatchTransport } from '@redcrowd/nest-kafka';

// Bodies up to 4x the list limit are read so that an oversized list is answered with the
// same "message-too-large" problem as over Kafka; beyond that the connection is refused.
const HTTP_BODY_LIMIT_BYTES = LIMITS.maxMessageBytes * 4;

async function bootstrap(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  const logger = new JsonLogger('intake', config.LOG_LEVEL);
  const app = await NestFactory.create(IntakeModule.forRoot(config, logger), {
    logger,
    bodyParser: false,
  });
  const corsOrigins = config.INTAKE_CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  // First, so that every request has its line and id, refusals of unreadable bodies included.
  app.use(requestLogger(logger));
  // Then, so that every answer carries them, refusals of unreadable bodies included.
  app.use(securityHeaders({ calledCrossOrigin: corsOrigins.length > 0 }));
  // Multipart bodies (workbook uploads) are left to the upload route's own reader and limits.
  app.use(
    express.raw({
      type: (request) => !String(request.headers['content-type'] ?? '').startsWith('multipart/form-data'),
      limit: HTTP_BODY_LIMIT_BYTES,
    }),
  );
  app.use(rejectUnreadableBodies);
  app.enableShutdownHooks();
  // After the modules' guards (sign-in first), so a signed-in caller is counted by subject.
  app.useGlobalGuards(
    await writeThrottler(
      app.get(Reflector),
      { perMinute: config.INTAKE_WRITE_LIMIT_PER_MINUTE },
      new DatabaseThrottlerStorage(app.get(DataSource), logger, `${config.KAFKA_TOPIC_PREFIX}intake`),
    ),
  );
  if (corsOrigins.length > 0) {
    // Tokens travel in a header, never in cookies, so no credentials mode is needed.
    app.enableCors({
      origin: corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type'],
    });
  }

  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const consumer = app.get<Kafka>(KAFKA).consumer({
    groupId: config.INTAKE_CONSUMER_GROUP,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: 4 * 1024 * 1024,
    // Bounds how long a shutdown waits for an in-flight long poll.
    maxWaitTimeInMs: 1_000,
  });
  app.get(ConsumerGroups).watch(config.INTAKE_CONSUMER_GROUP, consumer);
  app.connectMicroservice(
    {
      strategy: new KafkaBatchTransport(
        consumer,
        [topics.resourceListSubmitted, topics.demandListSubmitted],
        config.INTAKE_PARTITION_CONCURRENCY,
        undefined,
        app.get(ConsumerGroups).holdHooks(config.INTAKE_CONSUMER_GROUP),
      ),
    },
    { inheritAppConfig: true },
  );
  // HTTP first: joining the group can take a dead member's session timeout (~30 s after a
  // crash), and health, API and uploads answer meanwhile; /health/ready says when it joined.
  await app.listen(config.INTAKE_HTTP_PORT, config.INTAKE_HTTP_HOST);
  const http = await app.getUrl();
  logger.event('info', 'intake listening', { http });
  await app.startAllMicroservices();
  logger.event('info', 'intake ready', {
    http,
    consumes: [topics.resourceListSubmitted, topics.demandListSubmitted],
    consumerGroup: config.INTAKE_CONSUMER_GROUP,
  });
}

/** Body-parser failures (too large, aborted) answered in the uniform error shape. */
function rejectUnreadableBodies(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const status = (error as { status?: number }).status ?? 400;
  const tooLarge = status === 413;
  const message = tooLarge
    ? `the body exceeds ${HTTP_BODY_LIMIT_BYTES} bytes; a list may be at most ${LIMITS.maxMessageBytes} bytes`
    : `the body could not be read: ${String((error as Error).message)}`;
  res.status(tooLarge ? 413 : 400).json({
    error: {
      code: tooLarge ? 'payload-too-large' : 'invalid-list',
      message,
      problems: [{ path: '', code: tooLarge ? 'message-too-large' : 'invalid-json', message }],
    },
  });
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`intake: ${error.message}\n`);
  } else {
    process.stderr.write(
      `intake failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
