export * from './kafka-batch.transport';
export * from './service-infrastructure';
export * from './health';
export * from './metrics';
