export * from './kafka-client';
export * from './kafka-security';
export * from './ensure-topics';
export * from './batch-consumer';
export * from './outbox-relay';
export * from './database-outage';
