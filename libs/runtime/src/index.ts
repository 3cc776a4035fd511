export * from './load-config';
export * from './json-logger';
export * from './service-config';
export * from './retry';
