export * from './access';
export * from './auth.errors';
export * from './principal';
export * from './tokens';
