import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

type NestedClass = new () => object;

// Which properties of a class hold nested payload objects, and of which class. Kept here
// so that `instantiate` can build instances without class-transformer's generic (and, at
// 5,000 items a list, dominant) machinery.
const nestedByClass = new Map<Function, Map<string, () => NestedClass>>();

/** A property holding a nested payload object (or an array of them, with `each`). */
export function Nested(type: () => NestedClass, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    const properties = nestedByClass.get(target.constructor) ?? new Map<string, () => NestedClass>();
    properties.set(String(key), type);
    nestedByClass.set(target.constructor, properties);
    // ValidateNested alone passes an array given for an object (it validates the elements).
    IsObject({ each: options.each ?? false })(target, key);
    ValidateNested({ each: options.each ?? false })(target, key);
    Type(type)(target, key);
  };
}

function nestedPropertiesOf(cls: Function): Array<[string, () => NestedClass]> {
  const found: Array<[string, () => NestedClass]> = [];
  for (let current = cls; current && current !== Object; current = Object.getPrototypeOf(current)) {
    found.push(...(nestedByClass.get(current) ?? []));
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Turns parsed JSON into payload class instances for class-validator. Values of the wrong
 * shape are left as they are, for validation to report. Callers must have refused
 * `__proto__`-like keys first (see structural-problems.ts).
 */
export function instantiate<T extends object>(cls: new () => T, plain: Record<string, unknown>): T {
  const instance = Object.assign(new cls(), plain);
  const fields = instance as Record<string, unknown>;
  for (const [key, type] of nestedPropertiesOf(cls)) {
    const value = fields[key];
    if (Array.isArray(value)) {
      fields[key] = value.map((element: unknown) =>
        isPlainObject(element) ? instantiate(type(), element) : element,
      );
    } else if (isPlainObject(value)) {
      fields[key] = instantiate(type(), value);
    }
  }
  return instance;
}
