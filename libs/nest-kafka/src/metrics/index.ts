export * from './http-route';
export * from './service-metrics';
export * from './consumer-metrics';
export * from './http-metrics.middleware';
export * from './service-metrics.module';
