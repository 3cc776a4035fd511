import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date';
import { isOffsetDateTime } from './is-offset-date-time';

export const IS_WINDOW_BOUND = 'isWindowBound';

/**
 * A window's bound: an instant with its UTC offset, or a whole day written as 2026-12-01 (in
 * the alliance's time zone; settleCalendarDates turns it into an instant once the zone is known).
 */
export function IsWindowBound(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_WINDOW_BOUND,
      validator: {
        validate: (value: unknown) => isOffsetDateTime(value) || isCalendarDate(value),
        defaultMessage: () =>
          "$property must be a date such as 2026-12-01 (a whole day in the alliance's time zone) or an ISO 8601 date-time with a UTC offset, e.g. 2026-11-21T09:00:00+08:00",
      },
    },
    options,
  );
}

/**
 * A half-open period [from, to). Either bound may be a calendar date: `from` is then the day's
 * start, `to` the end of that day (the last day counts in full). That `to` follows `from` is
 * checked after schema validation.
 */
export class TimeWindow {
  @IsWindowBound()
  from!: string;

  @IsWindowBound()
  to!: string;
}
