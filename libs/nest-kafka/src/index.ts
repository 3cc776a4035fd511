export * from './kafka-batch.transport';
