import { dayEnd, dayStart, isCalendarDate } from '../common/calendar-date';
import type { TimeWindow } from '../common/time-window';
import type { Problem } from './problem';
import type { SubmittedList } from './submitted-list';

/** An item's window and the name its contract gives it (resources: available, demands: window). */
export function windowOf(item: SubmittedList['payload']['items'][number]): {
  window: TimeWindow;
  name: string;
} {
  return 'available' in item
    ? { window: item.available, name: 'available' }
    : { window: item.window, name: 'window' };
}

/** A window whose bounds are both instants: their order can be judged without a time zone. */
export function hasCalendarBound(window: TimeWindow): boolean {
  return isCalendarDate(window.from) || isCalendarDate(window.to);
}

/**
 * What is wrong with a window once both bounds are instants: its end must follow its start,
 * and it must not have ended before the list was sent (nobody could serve it any more).
 * `written` is the window as the submitter wrote it, for the message.
 */
export function windowProblems(
  path: string,
  name: string,
  window: TimeWindow,
  submittedAt: string,
  written = window,
): Problem[] {
  const to = Date.parse(window.to);
  if (to <= Date.parse(window.from)) {
    return [
      {
        path: `${path}.${name}.to`,
        code: 'window-order',
        message: `${path}.${name}.to (${written.to}) must be later than ${name}.from (${written.from})`,
      },
    ];
  }
  if (to <= Date.parse(submittedAt)) {
    return [
      {
        path: `${path}.${name}.to`,
        code: 'window-ended',
        message: `${path}.${name}.to (${written.to}) is before the list's submittedAt (${submittedAt}): the window has ended`,
      },
    ];
  }
  return [];
}

/**
 * Turns windows written as calendar dates into instants of the alliance's time zone (a day's
 * start for `from`, the end of the last day for `to`) and judges their order, which needs the
 * zone when a date meets a date-time. Changes the list in place; other windows are untouched.
 * The zone is the alliance's policy, known only where the alliance is looked up (intake's
 * transaction), which is why parsing can leave this step for later.
 */
export function settleCalendarDates(list: SubmittedList, timeZone: string): Problem[] {
  const problems: Problem[] = [];
  list.payload.items.forEach((item, index) => {
    const { window, name } = windowOf(item);
    if (!hasCalendarBound(window)) return;
    const written = { from: window.from, to: window.to };
    if (isCalendarDate(window.from)) window.from = dayStart(window.from, timeZone);
    if (isCalendarDate(window.to)) window.to = dayEnd(window.to, timeZone);
    problems.push(...windowProblems(`items[${index}]`, name, window, list.payload.submittedAt, written));
  });
  return problems;
}
