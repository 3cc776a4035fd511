import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, findStructuralProblems, validatePayload, type Problem } from '@redcrowd/contracts';

// Types Nest records for parameters that are not DTO classes: only the shape guard applies.
const PLAIN_TYPES = new Set<unknown>([undefined, String, Number, Boolean, Object, Array, Buffer]);

/**
 * Every HTTP body and query first passes one shape guard: no nesting deeper than the
 * contracts allow and no `__proto__`-like keys, before anything copies or walks it. A body or
 * query declared as a DTO class is then validated strictly (unknown fields refused), by the
 * same rules and with the same problem codes as Kafka payloads. Refusals are `invalid-request`
 * with every problem listed.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    if (Buffer.isBuffer(value)) return value; // raw bodies (intake) are read by their own parser
    const where = metadata.type === 'body' ? 'the body' : 'the query';
    refuse(where, findStructuralProblems(value));
    if (PLAIN_TYPES.has(metadata.metatype)) return value;
    const fields = value ?? {};
    if (typeof fields !== 'object' || Array.isArray(fields)) {
      throw new DomainError('invalid-request', `${where} must be a JSON object`, {
        problems: [{ path: '', code: 'not-an-object', message: `${where} must be a JSON object` }],
      });
    }
    const { payload, problems } = validatePayload(
      metadata.metatype as new () => object,
      fields as Record<string, unknown>,
    );
    refuse(where, problems);
    return payload;
  }
}

function refuse(where: string, problems: Problem[]): void {
  if (problems.length === 0) return;
  const first = problems[0]!;
  const field = first.path.split(/[.[]/)[0];
  throw new DomainError(
    'invalid-request',
    `${where} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems
      .map((problem) => problem.message)
      .join('; ')}`,
    { problems, ...(field ? { field } : {}) },
  );
}
