export * from './access.decorators';
export * from './auth.guard';
export * from './auth.providers';
