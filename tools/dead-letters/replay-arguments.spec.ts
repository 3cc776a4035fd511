import { ReplayUsageError, parseReplayArguments } from './replay-arguments';

describe('replay-dead-letters arguments', () => {
  it('reads --all, with or without --dry-run', () => {
    expect(parseReplayArguments(['--all'])).toEqual({ selection: { by: 'all' }, dryRun: false });
    expect(parseReplayArguments(['--all', '--dry-run'])).toEqual({ selection: { by: 'all' }, dryRun: true });
  });

  it('reads ids given as repeated --id or as a list after --id, once each', () => {
    expect(parseReplayArguments(['--id', 'a', '--id', 'b']).selection).toEqual({ by: 'id', ids: ['a', 'b'] });
    expect(parseReplayArguments(['--id', 'a', 'b', 'a', '--dry-run'])).toEqual({
      selection: { by: 'id', ids: ['a', 'b'] },
      dryRun: true,
    });
  });

  it('reads a time range with offsets, and either end alone', () => {
    expect(
      parseReplayArguments(['--from', '2026-12-06T08:00:00+08:00', '--to', '2026-12-06T01:00:00Z']),
    ).toEqual({
      selection: { by: 'time', from: new Date('2026-12-06T00:00:00Z'), to: new Date('2026-12-06T01:00:00Z') },
      dryRun: false,
    });
    expect(parseReplayArguments(['--from', '2026-12-06T00:00Z']).selection).toEqual({
      by: 'time',
      from: new Date('2026-12-06T00:00:00Z'),
    });
    expect(parseReplayArguments(['--to', '2026-12-06T00:00:00.500Z']).selection).toEqual({
      by: 'time',
      to: new Date('2026-12-06T00:00:00.500Z'),
    });
  });

  it.each([
    [[], 'say which dead letters to replay'],
    [['--dry-run'], 'say which dead letters to replay'],
    [['--all', '--id', 'a'], 'choose one of'],
    [['--all', '--from', '2026-12-06T00:00:00Z'], 'choose one of'],
    [['--from', '2026-12-06T08:00:00'], 'not an ISO date-time with an offset'],
    [['--to', 'yesterday'], 'not an ISO date-time with an offset'],
    [['--from', '2026-02-30T00:00:00Z'], 'not an ISO date-time with an offset'],
    [['--from', '2026-12-07T00:00:00Z', '--to', '2026-12-06T00:00:00Z'], 'is after --to'],
    [['--id', ''], '--id needs a dead letter id'],
    [['stray'], 'unexpected argument stray'],
    [['--everything'], "Unknown option '--everything'"],
  ])('refuses %j', (args, message) => {
    expect(() => parseReplayArguments(args)).toThrow(ReplayUsageError);
    expect(() => parseReplayArguments(args)).toThrow(message);
  });
});
