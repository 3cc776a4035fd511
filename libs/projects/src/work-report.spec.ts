import { ACADEMY, ALLIANCE, PROJECT_ID, project, T0, UNIVERSITY, refusal } from '../test/fixtures';
import type { Project } from './model';
import {
  MAX_REPORT_HOURS,
  MAX_REPORT_NOTE_LENGTH,
  reportWork,
  unitsYetToReport,
  type WorkReport,
} from './work-report';

const claims = [
  { unitId: UNIVERSITY, quantity: 4 },
  { unitId: ACADEMY, quantity: 6 },
];
const inProgress = (overrides: Partial<Project> = {}) =>
  project({ status: 'in-progress', version: 7, claims, ...overrides });
const report = (overrides: Partial<WorkReport> = {}): WorkReport => ({
  unitId: ACADEMY,
  note: ' 送餐 12 份，老人都已签收 ',
  hours: 6.5,
  at: T0,
  ...overrides,
});

describe('reportWork', () => {
  it('records a claiming unit’s report as an audited edit that keeps the project in progress', () => {
    const { project: after, events } = reportWork(
      inProgress(),
      report({ photo: { mediaType: 'image/jpeg', bytes: 120_000 } }),
    );
    expect([after.status, after.version]).toEqual(['in-progress', 8]);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'in-progress',
        to: 'in-progress',
        version: 8,
        actor: ACADEMY,
        action: 'work-reported',
        details: { hours: 6.5, note: '送餐 12 份，老人都已签收', photo: 'image/jpeg', photoBytes: 120_000 },
        at: T0,
      },
    ]);
  });

  it('leaves the photo out of the details when there is none', () => {
    expect(reportWork(inProgress(), report()).events[0]).toMatchObject({
      details: { hours: 6.5, note: '送餐 12 份，老人都已签收' },
    });
    expect(reportWork(inProgress(), report()).events[0]).not.toHaveProperty('details.photo');
  });

  it('refuses a unit that did not claim the project, whatever its status', () => {
    const error = refusal(() => reportWork(inProgress({ status: 'completed' }), report({ unitId: 'other' })));
    expect([error.code, error.message]).toEqual([
      'not-allowed',
      `only a unit that claimed project ${PROJECT_ID} can report its work done`,
    ]);
  });

  it.each(['claimed', 'completed', 'cancelled'] as const)('refuses a %s project', (status) => {
    const error = refusal(() => reportWork(inProgress({ status }), report()));
    expect([error.code, error.message]).toEqual([
      'illegal-transition',
      `project ${PROJECT_ID} is ${status}; only in-progress projects can be reported done`,
    ]);
  });

  it.each([['   '], [''], [undefined], [42], ['x'.repeat(MAX_REPORT_NOTE_LENGTH + 1)]])(
    'refuses the note %p',
    (note) => {
      const error = refusal(() => reportWork(inProgress(), report({ note })));
      expect([error.code, error.field, error.message]).toEqual([
        'invalid-request',
        'note',
        'note must say what was done, in at most 1000 characters',
      ]);
    },
  );

  it('takes a note of exactly the longest length, counted after trimming', () => {
    const longest = 'x'.repeat(MAX_REPORT_NOTE_LENGTH);
    expect(reportWork(inProgress(), report({ note: `  ${longest}  ` })).events[0]).toMatchObject({
      details: { note: longest },
    });
  });

  it.each([0, -1, 0.05, 2.25, MAX_REPORT_HOURS + 0.1, Number.NaN, Infinity, '2', undefined])(
    'refuses %p hours',
    (hours) => {
      const error = refusal(() => reportWork(inProgress(), report({ hours })));
      expect([error.code, error.field, error.message]).toEqual([
        'invalid-request',
        'hours',
        'hours must be a number above 0 and at most 720, in tenths at most',
      ]);
    },
  );

  it.each([0.1, 0.3, 1, 2.5, 7.7, MAX_REPORT_HOURS])('takes %p hours', (hours) => {
    expect(reportWork(inProgress(), report({ hours })).events[0]).toMatchObject({ details: { hours } });
  });
});

describe('unitsYetToReport', () => {
  it('lists the claiming units without a report, in the order of the claims', () => {
    expect(unitsYetToReport(claims, [])).toEqual([UNIVERSITY, ACADEMY]);
    expect(unitsYetToReport(claims, [ACADEMY, 'someone-else'])).toEqual([UNIVERSITY]);
    expect(unitsYetToReport(claims, [ACADEMY, UNIVERSITY])).toEqual([]);
  });
});
