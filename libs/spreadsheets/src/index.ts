export * from './cells';
export * from './lists';
export * from './exports';
