import { toLpFormat } from './lp-reference';

type Highs = { solve(lp: string): { Status: string; ObjectiveValue: number } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = require('highs') as () => Promise<Highs>;

describe('toLpFormat', () => {
  it('writes one variable per edge and one row per node that has edges', () => {
    const lp = toLpFormat({
      supplies: [
        { id: 'r1', capacity: 40 },
        { id: 'r-idle', capacity: 5 },
        { id: 'r2', capacity: 3 },
      ],
      demands: [
        { id: 'd1', quantity: 10 },
        { id: 'd2', quantity: 0 },
      ],
      edges: [
        { supply: 'r1', demand: 'd1', weight: 0.83 },
        { supply: 'r2', demand: 'd1', weight: -1.5 },
        { supply: 'r1', demand: 'd2', weight: 2 },
      ],
    });
    expect(lp).toBe(
      [
        'Maximize',
        ' obj: 0.83 x0 + -1.5 x1 + 2 x2',
        'Subject To',
        ' s0: x0 + x2 <= 40',
        ' s2: x1 <= 3',
        ' d0: x0 + x1 <= 10',
        ' d1: x2 <= 0',
        'End',
      ].join('\n'),
    );
  });

  it('keeps every digit of large and tiny weights, so that highs reads the same numbers', async () => {
    const highs = await loadHighs();
    for (const weight of [1e16, 2.5e17, 1e-7, 0.1 + 0.2]) {
      const lp = toLpFormat({
        supplies: [{ id: 'r1', capacity: 2 }],
        demands: [{ id: 'd1', quantity: 3 }],
        edges: [{ supply: 'r1', demand: 'd1', weight }],
      });
      expect(lp).toContain(` obj: ${String(weight)} x0\n`);
      expect(highs.solve(lp)).toMatchObject({ Status: 'Optimal', ObjectiveValue: 2 * weight });
    }
  });
});
