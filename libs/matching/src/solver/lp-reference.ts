import type { AllocationInstance } from './instance';

/**
 * The allocation problem as a linear program in CPLEX LP format, for checking the solver
 * against an independent LP solver (the `highs` package, in tests and benches only). The
 * constraint matrix is totally unimodular, so the LP optimum is the integer optimum.
 */
export function toLpFormat(instance: AllocationInstance): string {
  const terms = instance.edges.map((edge, index) => `${formatNumber(edge.weight)} x${index}`);
  const rows: string[] = [];
  const addRows = (prefix: string, ids: Array<{ id: string; bound: number }>, side: 'supply' | 'demand') => {
    ids.forEach(({ id, bound }, row) => {
      const vars = instance.edges.flatMap((edge, index) =>
        (side === 'supply' ? edge.supply : edge.demand) === id ? [`x${index}`] : [],
      );
      if (vars.length > 0) rows.push(` ${prefix}${row}: ${vars.join(' + ')} <= ${bound}`);
    });
  };
  addRows(
    's',
    instance.supplies.map((s) => ({ id: s.id, bound: s.capacity })),
    'supply',
  );
  addRows(
    'd',
    instance.demands.map((d) => ({ id: d.id, bound: d.quantity })),
    'demand',
  );
  return ['Maximize', ` obj: ${terms.join(' + ')}`, 'Subject To', ...rows, 'End'].join('\n');
}

function formatNumber(value: number): string {
  return value.toPrecision(17).replace(/\.?0+$/, '');
}
