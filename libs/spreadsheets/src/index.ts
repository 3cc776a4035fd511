export * from './cells';
export * from './lists';
