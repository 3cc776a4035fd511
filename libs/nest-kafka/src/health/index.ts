export * from './consumer-group-states';
export * from './consumer-groups';
export * from './service-health';
export * from './service-health.module';
export * from './health-check-failure.filter';
