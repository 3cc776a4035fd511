export * from './access.decorators';
export * from './auth-error.filter';
export * from './auth.guard';
export * from './auth.providers';
