export * from './load-config';
export * from './json-logger';
export * from './service-config';
export * from './kafka-security-settings';
export * from './retry';
export * from './memory-log';
export * from './correlation';
