import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { JsonLogger } from '@redcrowd/runtime';
import { bindRequestContext, requestLoggingOptions } from './request-logging';

/**
 * One log line per HTTP request (pino-http, writing through the service's JsonLogger, which
 * main.ts puts first with `app.use(requestLogger(logger))`; nestjs-pino binds Nest's logger to
 * it), a request id on every request and answer, and the request's log context for the lines
 * it causes. Imported once, by each app's root module.
 */
@Module({})
export class RequestLoggingModule implements NestModule {
  static forRoot(logger: JsonLogger): DynamicModule {
    return {
      module: RequestLoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: requestLoggingOptions(logger), useExisting: true })],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(bindRequestContext).forRoutes('{*path}');
  }
}
