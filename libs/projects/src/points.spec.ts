import fc from 'fast-check';
import { ACADEMY, HOSPITAL, UNIVERSITY } from '../test/fixtures';
import { ProjectError } from './errors';
import { splitPoints } from './points';

const shares = (...entries: Array<[string, number]>) =>
  entries.map(([unitId, quantity]) => ({ unitId, quantity }));
const pointsOf = (credits: Array<{ points: number }>) => credits.map((credit) => credit.points);

describe('splitPoints', () => {
  it('shares the points by quantity', () => {
    expect(splitPoints(20, shares([ACADEMY, 6], [UNIVERSITY, 4]))).toEqual([
      { unitId: ACADEMY, points: 12 },
      { unitId: UNIVERSITY, points: 8 },
    ]);
    expect(pointsOf(splitPoints(10, shares(['a', 30])))).toEqual([10]);
  });

  it('credits every point: 10 over three equal shares is 4 + 3 + 3, the extra to the smaller unitId', () => {
    // The rounding this replaces gave 3 + 3 + 3 and lost a point.
    expect(pointsOf(splitPoints(10, shares(['b', 1], ['a', 1], ['c', 1])))).toEqual([3, 4, 3]);
  });

  it('gives the points left over to the largest remainders first', () => {
    // 7 × (5, 3, 2) / 10 = 3.5, 2.1, 1.4 → 3, 2, 1 and one left: the .5 gets it.
    expect(pointsOf(splitPoints(7, shares(['a', 5], ['b', 3], ['c', 2])))).toEqual([4, 2, 1]);
    // 8 × (5, 3, 2) / 10 = 4, 2.4, 1.6 → 4, 2, 1 and one left: the .6 gets it.
    expect(pointsOf(splitPoints(8, shares(['a', 5], ['b', 3], ['c', 2])))).toEqual([4, 2, 2]);
  });

  it('gives every claiming unit a point when there are enough, taking it from the most over-rewarded', () => {
    // 3 × (100, 1, 1) / 102: 2.94, 0.03, 0.03 → 3, 0, 0 by remainders; each small unit then gets one.
    expect(pointsOf(splitPoints(3, shares([ACADEMY, 100], [UNIVERSITY, 1], [HOSPITAL, 1])))).toEqual([
      1, 1, 1,
    ]);
    // 4 × (50, 40, 1) / 91: 2.20, 1.76, 0.04 → 2, 2, 0; the one for the small unit comes from the
    // second (2 against 1.76 is further above its share than 2 against 2.20).
    expect(pointsOf(splitPoints(4, shares(['a', 50], ['b', 40], ['c', 1])))).toEqual([2, 1, 1]);
    // 5 × (10, 10, 1) / 21: 2.38, 2.38, 0.24 → 2, 2, 0 with one left; the equal remainders go to
    // the smaller unitId (a: 3), which is then the furthest above its share and gives c its point.
    expect(pointsOf(splitPoints(5, shares(['b', 10], ['a', 10], ['c', 1])))).toEqual([2, 2, 1]);
    // 4 × (10, 10, 1) / 21: 1.90, 1.90, 0.19 → 2, 2, 0; a and b are equally far above: a gives.
    expect(pointsOf(splitPoints(4, shares(['b', 10], ['a', 10], ['c', 1])))).toEqual([2, 1, 1]);
    expect(pointsOf(splitPoints(100, shares(['a', 99], ['b', 1])))).toEqual([99, 1]);
    // 5 × (5, 4, 1) / 10: 2.5, 2, 0.5 → 2, 2, 0 with one left, which goes to a (the .5 tie with c
    // goes to the smaller unitId). c's point then comes from a (3 for 2.5), not from b (2 for 2).
    expect(pointsOf(splitPoints(5, shares(['a', 5], ['b', 4], ['c', 1])))).toEqual([2, 2, 1]);
  });

  it('gives some units nothing when there are fewer points than units', () => {
    expect(pointsOf(splitPoints(2, shares(['c', 1], ['b', 1], ['a', 1])))).toEqual([0, 1, 1]);
    expect(pointsOf(splitPoints(2, shares(['a', 100], ['b', 1], ['c', 1])))).toEqual([2, 0, 0]);
  });

  it('credits nothing when a project earns nothing or nobody claimed anything', () => {
    expect(splitPoints(0, shares(['a', 3], ['b', 1]))).toEqual([
      { unitId: 'a', points: 0 },
      { unitId: 'b', points: 0 },
    ]);
    expect(pointsOf(splitPoints(10, shares(['a', 0])))).toEqual([0]);
    expect(splitPoints(10, [])).toEqual([]);
  });

  it('gives a unit with a share of nothing no points', () => {
    expect(pointsOf(splitPoints(3, shares(['a', 0], ['b', 1], ['c', 1])))).toEqual([0, 2, 1]);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p points', (points) => {
    expect(() => splitPoints(points, shares(['a', 1]))).toThrow(
      new ProjectError('invalid-request', 'pointsPerProject must be a whole number of at least 0'),
    );
  });

  it('refuses broken shares', () => {
    expect(() => splitPoints(1, shares(['a', -1]))).toThrow(
      'unit a has a share of -1; shares are whole numbers of at least 0',
    );
    expect(() => splitPoints(1, shares(['a', 0.5]))).toThrow('unit a has a share of 0.5');
    expect(() => splitPoints(1, shares(['a', 1], ['a', 2]))).toThrow('unit a has two shares');
    try {
      splitPoints(1, shares(['a', 1], ['a', 2]));
    } catch (error) {
      expect((error as ProjectError).code).toBe('invalid-request');
    }
  });

  const sharesArbitrary = fc.uniqueArray(
    fc.record({ unitId: fc.stringMatching(/^[a-e]{1,2}$/), quantity: fc.integer({ min: 0, max: 1000 }) }),
    { selector: (share) => share.unitId, minLength: 1, maxLength: 8 },
  );

  it('credits exactly the project’s points for any shares someone claimed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), sharesArbitrary, (points, split) => {
        fc.pre(split.some((share) => share.quantity > 0));
        const credits = splitPoints(points, split);
        expect(credits.reduce((sum, credit) => sum + credit.points, 0)).toBe(points);
        expect(credits.map((credit) => credit.unitId)).toEqual(split.map((share) => share.unitId));
        const claiming = split.filter((share) => share.quantity > 0).length;
        credits.forEach((credit, index) => {
          const { quantity } = split[index]!;
          expect(credit.points).toBeGreaterThanOrEqual(0);
          if (quantity === 0) expect(credit.points).toBe(0);
          else if (points >= claiming) expect(credit.points).toBeGreaterThanOrEqual(1);
        });
      }),
    );
  });

  it('stays within one point of the exact share unless it had to give a unit its minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), sharesArbitrary, (points, split) => {
        const claimed = split.reduce((sum, share) => sum + share.quantity, 0);
        fc.pre(
          claimed > 0 &&
            split.every((share) => share.quantity > 0 && (points * share.quantity) / claimed >= 1),
        );
        splitPoints(points, split).forEach((credit, index) => {
          expect(Math.abs(credit.points - (points * split[index]!.quantity) / claimed)).toBeLessThan(1);
        });
      }),
    );
  });

  it('gives a unit the same points whatever the order of the shares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), sharesArbitrary, fc.integer(), (points, split, seed) => {
        const shuffled = [...split].sort(
          (a, b) => ((a.unitId.charCodeAt(0) * seed) % 7) - ((b.unitId.charCodeAt(0) * seed) % 7),
        );
        const byUnit = (credits: Array<{ unitId: string; points: number }>) =>
          Object.fromEntries(credits.map((credit) => [credit.unitId, credit.points]));
        expect(byUnit(splitPoints(points, shuffled))).toEqual(byUnit(splitPoints(points, split)));
      }),
    );
  });
});
