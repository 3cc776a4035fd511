import type { ProjectSnapshot } from '@redcrowd/contracts';
import type { ConsumedMessage } from '@redcrowd/kafka';
import { withLogContext } from '@redcrowd/runtime';
import { projectCorrelation, roundCorrelations, standaloneCorrelation } from './round-correlation';

function accepted(allianceId: string, correlationId: string | undefined, list: object): ConsumedMessage {
  return {
    topic: 'redcrowd.lists.accepted.v1',
    partition: 0,
    offset: '0',
    key: allianceId,
    value: Buffer.from(JSON.stringify(list)),
    headers: correlationId === undefined ? {} : { 'correlation-id': correlationId },
  };
}

const demand = { listKind: 'demand', listId: 'dl-1', submitter: { id: 'community-014' } };
const resource = { listKind: 'resource', listId: 'rl-1', submitter: { id: 'unit-haust' } };

describe('the correlation of a round', () => {
  it("names each alliance's round by the first list of the batch, and keeps every list", () => {
    const rounds = roundCorrelations([
      accepted('alliance-a', 'c-1', resource),
      accepted('alliance-b', 'c-2', demand),
      accepted('alliance-a', 'c-3', demand),
    ]);
    expect(rounds.get('alliance-a')).toEqual({
      correlationId: 'c-1',
      lists: [
        { correlationId: 'c-1', listKind: 'resource', listId: 'rl-1', submitterId: 'unit-haust' },
        { correlationId: 'c-3', listKind: 'demand', listId: 'dl-1', submitterId: 'community-014' },
      ],
    });
    expect(rounds.get('alliance-b')?.correlationId).toBe('c-2');
  });

  it('gives a list without a sane correlation id a new one', () => {
    const round = roundCorrelations([accepted('alliance-a', 'not sane', demand)]).get('alliance-a')!;
    expect(round.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names a round no list started by its HTTP request, else by a new id', () => {
    expect(withLogContext({ requestId: 'req-9' }, standaloneCorrelation)).toEqual({
      correlationId: 'req-9',
      lists: [],
    });
    expect(standaloneCorrelation().correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("maps a project to the lists behind it: its demand's list and its allocations' resource lists", () => {
    const project = {
      projectId: 'p-1',
      demand: { listId: 'dl-1', submitterId: 'community-014' },
      allocations: [{ resourceListId: 'rl-1', unitId: 'unit-haust' }],
    } as unknown as ProjectSnapshot;
    const lists = [
      { correlationId: 'c-1', listKind: 'resource', listId: 'rl-1', submitterId: 'unit-haust' },
      { correlationId: 'c-2', listKind: 'demand', listId: 'dl-1', submitterId: 'community-014' },
      { correlationId: 'c-3', listKind: 'demand', listId: 'dl-1', submitterId: 'community-other' },
      { correlationId: 'c-4', listKind: 'resource', listId: 'rl-2', submitterId: 'unit-haust' },
    ];
    expect(projectCorrelation(project, lists)).toEqual({ projectId: 'p-1', correlationIds: ['c-1', 'c-2'] });
  });
});
