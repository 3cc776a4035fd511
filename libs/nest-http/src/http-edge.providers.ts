import type { Provider } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { JsonLogger } from '@redcrowd/runtime';
import { HttpErrorFilter } from './http-error.filter';
import { RequestValidationPipe } from './request-validation.pipe';

/** The HTTP edge of a service: one request guard and validator, one error filter. */
export function httpEdgeProviders(logger: JsonLogger): Provider[] {
  return [
    { provide: APP_FILTER, useFactory: () => new HttpErrorFilter(logger) },
    { provide: APP_PIPE, useClass: RequestValidationPipe },
  ];
}
