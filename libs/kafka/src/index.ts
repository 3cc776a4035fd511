export * from './kafka-client';
export * from './ensure-topics';
export * from './batch-consumer';
export * from './outbox-relay';
