export * from './http-answer';
export * from './http-error.filter';
export * from './request-validation.pipe';
export * from './http-edge.providers';
export * from './security-headers';
export * from './write-throttler.guard';
export * from './request-logging';
export * from './request-logging.module';
