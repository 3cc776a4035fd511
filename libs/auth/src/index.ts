export * from './access';
export * from './auth.errors';
export * from './claims';
export * from './key-set';
export * from './principal';
export * from './signing-keys';
export * from './tokens';
