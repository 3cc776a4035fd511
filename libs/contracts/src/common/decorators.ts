import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IDENTIFIER_PATTERN, LIMITS } from '../limits';

/** Composes property decorators without pulling in a framework. */
function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/** An identifier chosen by a submitter (list, item, unit, alliance ids). */
export function IsIdentifier(): PropertyDecorator {
  return compose(
    IsString(),
    IsNotEmpty(),
    MaxLength(LIMITS.maxIdLength),
    Matches(IDENTIFIER_PATTERN, {
      message: '$property must start with a letter or digit and contain only letters, digits and . _ : - /',
    }),
  );
}

/** Free text that a person reads: non-empty, bounded. */
export function IsText(maxLength: number): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(maxLength));
}
