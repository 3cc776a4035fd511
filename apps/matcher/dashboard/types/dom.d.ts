// What dom.js needs that JSDoc cannot state: a @typedef cannot refer to itself.

/** A value, or arrays of such values nested to any depth (what `flat(Infinity)` undoes). */
export type Nested<T> = T | readonly Nested<T>[];
