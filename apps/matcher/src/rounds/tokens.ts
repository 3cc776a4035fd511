export const MATCHER_CONFIG = Symbol('MATCHER_CONFIG');
