export const MATCHER_CONFIG = Symbol('MATCHER_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const PRODUCER = Symbol('PRODUCER');
