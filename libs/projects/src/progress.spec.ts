import { ACADEMY, ALLIANCE, COMMUNITY, PROJECT_ID, project, T0, UNIVERSITY, refusal } from '../test/fixtures';
import type { Project } from './model';
import { complete, MAX_NOTE_LENGTH, POINTS_FOR_COMPLETION, start, type Completion } from './progress';

const claims = [
  { unitId: UNIVERSITY, quantity: 4 },
  { unitId: ACADEMY, quantity: 6 },
];

describe('start', () => {
  it('lets a claiming unit start the work', () => {
    const { project: after, events } = start(project({ status: 'claimed', version: 6, claims }), {
      unitId: ACADEMY,
      at: T0,
    });
    expect(after.status).toBe('in-progress');
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'claimed',
        to: 'in-progress',
        version: 7,
        actor: ACADEMY,
        action: 'in-progress',
        at: T0,
      },
    ]);
  });

  it('refuses a unit that did not claim it, before looking at the status', () => {
    const error = refusal(() =>
      start(project({ status: 'completed', claims }), { unitId: 'someone-else', at: T0 }),
    );
    expect(error.code).toBe('not-allowed');
    expect(error.message).toBe(`only a unit that claimed project ${PROJECT_ID} can start it`);
  });

  it('starts a claimed project only', () => {
    expect(
      refusal(() => start(project({ status: 'in-progress', claims }), { unitId: ACADEMY, at: T0 })).message,
    ).toBe(
      `project ${PROJECT_ID} is in-progress and cannot become in-progress; it can only become completed or cancelled`,
    );
  });
});

describe('complete', () => {
  const inProgress = (overrides: Partial<Project> = {}) =>
    project({ status: 'in-progress', version: 7, claims, ...overrides });
  const completion = (overrides: Partial<Completion> = {}): Completion => ({
    communityId: COMMUNITY,
    rating: 5,
    note: '孩子们很喜欢',
    pointsPerProject: 20,
    reportedUnitIds: [ACADEMY, UNIVERSITY],
    at: T0,
    ...overrides,
  });

  it('completes the work with the rating and note, and shares the points by unit', () => {
    const { project: after, events, credits, creditReason } = complete(inProgress(), completion());
    expect(after.status).toBe('completed');
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'in-progress',
        to: 'completed',
        version: 8,
        actor: COMMUNITY,
        action: 'completed',
        reason: 'rated 5: 孩子们很喜欢',
        details: { rating: 5, note: '孩子们很喜欢' },
        at: T0,
      },
    ]);
    expect(credits).toEqual([
      { unitId: UNIVERSITY, points: 8 },
      { unitId: ACADEMY, points: 12 },
    ]);
    expect(creditReason).toBe('project-completed');
    expect(POINTS_FOR_COMPLETION).toBe('project-completed');
  });

  it('refuses a confirmation until every claiming unit has reported its part done', () => {
    for (const reported of [[], [ACADEMY], [UNIVERSITY, 'another-unit']]) {
      const waiting = [UNIVERSITY, ACADEMY].filter((unit) => !reported.includes(unit));
      const error = refusal(() => complete(inProgress(), completion({ reportedUnitIds: reported })));
      expect([error.code, error.message]).toEqual([
        'work-not-reported',
        `project ${PROJECT_ID} cannot be confirmed before ${waiting.join(', ')} reported the work done`,
      ]);
    }
  });

  it('checks the reports after the window, so an early confirmation says the window is not open', () => {
    const opens = T0 + 1;
    const error = refusal(() =>
      complete(inProgress(), completion({ at: T0, windowOpensAt: opens, reportedUnitIds: [] })),
    );
    expect(error.code).toBe('window-not-open');
  });

  it('refuses a confirmation before the demand’s window opens, and takes one from that moment on', () => {
    const opens = T0 + 3_600_000;
    const early = refusal(() => complete(inProgress(), completion({ at: opens - 1, windowOpensAt: opens })));
    expect([early.code, early.message]).toEqual([
      'window-not-open',
      `project ${PROJECT_ID}'s window opens at ${new Date(opens).toISOString()}; its work can be confirmed from then`,
    ]);
    expect(complete(inProgress(), completion({ at: opens, windowOpensAt: opens })).project.status).toBe(
      'completed',
    );
  });

  it('leaves a blank or missing note out of the reason and the details', () => {
    expect(complete(inProgress(), completion({ note: '   ' })).events[0]).toMatchObject({
      reason: 'rated 5',
      details: { rating: 5 },
    });
    expect(complete(inProgress(), completion({ note: '   ' })).events[0]).not.toHaveProperty('details.note');
    expect(complete(inProgress(), completion({ note: undefined, rating: 1 })).events[0]).toMatchObject({
      reason: 'rated 1',
      details: { rating: 1 },
    });
    expect(complete(inProgress(), completion({ note: '  好  ' })).events[0]).toMatchObject({
      reason: 'rated 5: 好',
      details: { rating: 5, note: '好' },
    });
  });

  it.each([0, 6, 4.5, '5', undefined])('refuses rating %p', (rating) => {
    const error = refusal(() => complete(inProgress(), completion({ rating })));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('rating must be a whole number from 1 to 5');
    expect(error.field).toBe('rating');
  });

  it('takes a note of at most 1000 characters', () => {
    expect(MAX_NOTE_LENGTH).toBe(1000);
    expect(() => complete(inProgress(), completion({ note: 'x'.repeat(1000) }))).not.toThrow();
    for (const note of ['x'.repeat(1001), 42, null]) {
      const error = refusal(() => complete(inProgress(), completion({ note })));
      expect(error.message).toBe('note must be text of at most 1000 characters');
      expect(error.field).toBe('note');
    }
  });

  it('lets only the community that asked confirm it', () => {
    const error = refusal(() => complete(inProgress(), completion({ communityId: ACADEMY })));
    expect(error.code).toBe('not-allowed');
    expect(error.message).toBe(`only ${COMMUNITY}, who asked for it, can confirm project ${PROJECT_ID}`);
  });

  it('completes work in progress only', () => {
    expect(refusal(() => complete(inProgress({ status: 'completed' }), completion())).message).toBe(
      `project ${PROJECT_ID} is completed and cannot become completed; it is closed`,
    );
  });

  it('credits every point when the shares do not divide evenly', () => {
    const three = inProgress({
      claims: [
        { unitId: 'c', quantity: 1 },
        { unitId: 'a', quantity: 1 },
        { unitId: 'b', quantity: 1 },
      ],
    });
    expect(
      complete(three, completion({ pointsPerProject: 10, reportedUnitIds: ['a', 'b', 'c'] })).credits,
    ).toEqual([
      { unitId: 'c', points: 3 },
      { unitId: 'a', points: 4 },
      { unitId: 'b', points: 3 },
    ]);
  });
});
