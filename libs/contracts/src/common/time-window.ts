import { IsOffsetDateTime } from './is-offset-date-time';

/** A half-open period [from, to); that `to` follows `from` is checked after schema validation. */
export class TimeWindow {
  @IsOffsetDateTime()
  from!: string;

  @IsOffsetDateTime()
  to!: string;
}
