import type { Problem } from './problem';
import { joinPath } from './validation-errors';

/** No list needs more than a few levels; deeper JSON is refused before it is copied. */
export const MAX_JSON_DEPTH = 16;

// JSON.parse makes "__proto__" an ordinary own key; copying such an object into a class
// instance would rewrite its prototype. These keys are refused before anything copies them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Finds forbidden keys and excessive nesting in parsed JSON. Iterative, so that hostile
 * nesting cannot overflow the stack here (it would later, in class-transformer).
 */
export function findStructuralProblems(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) {
      problems.push({
        path,
        code: 'too-deep',
        message: `${path} is nested more than ${MAX_JSON_DEPTH} levels deep`,
      });
      continue;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: without this branch the loop below walks an array's index keys, which joinPath writes as [i], to the same effect
    if (Array.isArray(value)) {
      value.forEach((element, index) =>
        stack.push({ value: element, path: `${path}[${index}]`, depth: depth + 1 }),
      );
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = joinPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          path: childPath,
          code: 'forbidden-key',
          message: `${childPath}: the key "${key}" is not allowed anywhere in a list`,
        });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}
