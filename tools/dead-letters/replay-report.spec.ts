import { replayReportLines } from './replay-report';

const letter = {
  readable: true as const,
  id: 'dl-a',
  failedAt: '2026-12-06T01:00:00.000Z',
  origin: { topic: 'redcrowd.resource-lists.submitted.v1', partition: 2, offset: '10' },
  key: 'unit-haust',
  value: Buffer.from('{}'),
  headers: {},
  error: 'lock timeout',
};

describe('the replay report', () => {
  it('prints each replayed and skipped dead letter, the ids not found, and the totals', () => {
    expect(
      replayReportLines({
        replay: [letter],
        skipped: [
          {
            id: 'dl-b',
            reason: 'already-replayed',
            detail: 'x/0/1 was replayed before (from dead letter dl-b)',
          },
        ],
        missingIds: ['dl-z'],
        notSelected: 1,
        dryRun: false,
      }),
    ).toEqual([
      'replayed  dl-a  redcrowd.resource-lists.submitted.v1/2/10  key unit-haust  failed at 2026-12-06T01:00:00.000Z',
      'skipped  dl-b  already-replayed: x/0/1 was replayed before (from dead letter dl-b)',
      'not found  dl-z',
      'Replayed 1 dead letter, skipped 1, 1 not found (1 dead letter not selected).',
    ]);
  });

  it('says what a dry run would do, and a message without key', () => {
    expect(
      replayReportLines({
        replay: [{ ...letter, key: null }],
        skipped: [],
        missingIds: [],
        notSelected: 0,
        dryRun: true,
      }),
    ).toEqual([
      'would replay  dl-a  redcrowd.resource-lists.submitted.v1/2/10  key (none)  failed at 2026-12-06T01:00:00.000Z',
      'Dry run: would replay 1 dead letter, skipped 0 (0 dead letters not selected).',
    ]);
  });
});
