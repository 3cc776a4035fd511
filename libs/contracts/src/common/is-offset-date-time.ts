import { ValidateBy, type ValidationOptions } from 'class-validator';

// A date-time must carry its UTC offset: a bare "2026-11-21 09:00" from a spreadsheet is
// ambiguous between Beijing time and UTC, and guessing would shift windows by 8 hours.
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isOffsetDateTime(value: unknown): value is string {
  return typeof value === 'string' && OFFSET_DATE_TIME.test(value) && Number.isFinite(Date.parse(value));
}

export const IS_OFFSET_DATE_TIME = 'isOffsetDateTime';

export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_OFFSET_DATE_TIME,
      validator: {
        validate: (value: unknown) => isOffsetDateTime(value),
        defaultMessage: () =>
          '$property must be an ISO 8601 date-time with a UTC offset, e.g. 2026-11-21T09:00:00+08:00',
      },
    },
    options,
  );
}
