export * from './entities';
export * from './data-source';
export * from './repositories/list-store.repository';
export * from './repositories/outbox.repository';
export * from './repositories/processed-message.repository';
export * from './repositories/intake-rejection.repository';
export * from './repositories/alliance-taxonomy.repository';
