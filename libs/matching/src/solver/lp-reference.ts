import type { AllocationInstance } from './instance';

/**
 * The allocation problem as a linear program in CPLEX LP format, for checking the solver
 * against an independent LP solver (the `highs` package, in tests and benches only). The
 * constraint matrix is totally unimodular, so the LP optimum is the integer optimum.
 */
export function toLpFormat(instance: AllocationInstance): string {
  const bySupply = new Map<string, string[]>();
  const byDemand = new Map<string, string[]>();
  const terms = instance.edges.map((edge, index) => {
    const variable = `x${index}`;
    (bySupply.get(edge.supply) ?? bySupply.set(edge.supply, []).get(edge.supply)!).push(variable);
    (byDemand.get(edge.demand) ?? byDemand.set(edge.demand, []).get(edge.demand)!).push(variable);
    return `${formatNumber(edge.weight)} ${variable}`;
  });
  const rows = [
    ...instance.supplies.map((supply, row) => [`s${row}`, bySupply.get(supply.id), supply.capacity] as const),
    ...instance.demands.map((demand, row) => [`d${row}`, byDemand.get(demand.id), demand.quantity] as const),
  ].flatMap(([name, variables, bound]) =>
    variables ? [` ${name}: ${variables.join(' + ')} <= ${bound}`] : [],
  );
  return ['Maximize', ` obj: ${terms.join(' + ')}`, 'Subject To', ...rows, 'End'].join('\n');
}

function formatNumber(value: number): string {
  // The shortest text that reads back as the same number. (Cutting the trailing zeros of
  // toPrecision(17) also cut those of integers from 1e16 up: 1e16 was written "1".)
  return String(value);
}
