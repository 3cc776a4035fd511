import { IsNotEmpty, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
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

export const IS_NOT_BLANK = 'isNotBlank';

/** Text with something in it: a title of spaces shows as nothing on every screen and sheet. */
export function IsNotBlank(): PropertyDecorator {
  return ValidateBy({
    name: IS_NOT_BLANK,
    validator: {
      // An empty string is IsNotEmpty's to report, once.
      validate: (value: unknown) => typeof value !== 'string' || value === '' || /\S/u.test(value),
      defaultMessage: () => '$property must not be blank (only spaces)',
    },
  });
}

/** Free text that a person reads: non-empty, not only spaces, bounded. */
export function IsText(maxLength: number): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), IsNotBlank(), MaxLength(maxLength));
}
