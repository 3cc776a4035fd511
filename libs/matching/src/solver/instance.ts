/** The pure allocation problem: integer capacities and quantities, weighted edges. */
export interface AllocationInstance {
  supplies: Array<{ id: string; capacity: number }>;
  demands: Array<{ id: string; quantity: number }>;
  edges: Array<{ supply: string; demand: string; weight: number }>;
}

export interface Flow {
  supply: string;
  demand: string;
  quantity: number;
}

export interface SolveStats {
  /** Time spent in the solver proper: splitting into components, building, pivoting. */
  solveMs: number;
  /** Time spent ranking ids and edges before that (what makes the result order-independent). */
  prepareMs: number;
  components: number;
  pivots: number;
  supplies: number;
  demands: number;
  edges: number;
}

export interface AllocationResult {
  /** Σ quantity × weight over the flows. */
  objective: number;
  /** Only edges with quantity > 0, sorted by (supply, demand). */
  flows: Flow[];
  stats: SolveStats;
}

/** An instance the solver refuses, with a one-line reason. */
export class InvalidInstanceError extends Error {
  override readonly name = 'InvalidInstanceError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks an instance read from JSON; throws InvalidInstanceError naming the first problem. */
export function validateInstance(value: unknown): AllocationInstance {
  if (!isRecord(value)) throw new InvalidInstanceError('the instance must be a JSON object');
  for (const key of ['supplies', 'demands', 'edges']) {
    if (!Array.isArray(value[key])) throw new InvalidInstanceError(`"${key}" must be an array`);
  }
  const supplyIds = checkNodes(value.supplies as unknown[], 'supplies', 'capacity');
  const demandIds = checkNodes(value.demands as unknown[], 'demands', 'quantity');
  const seen = new Set<string>();
  (value.edges as unknown[]).forEach((edge, index) => {
    const where = `edges[${index}]`;
    if (!isRecord(edge)) throw new InvalidInstanceError(`${where} must be an object`);
    if (typeof edge.supply !== 'string' || edge.supply === '') {
      throw new InvalidInstanceError(`${where}.supply is missing`);
    }
    if (typeof edge.demand !== 'string' || edge.demand === '') {
      throw new InvalidInstanceError(`${where}.demand is missing`);
    }
    if (!supplyIds.has(edge.supply)) {
      throw new InvalidInstanceError(`${where}.supply "${edge.supply}" is not a known supply`);
    }
    if (!demandIds.has(edge.demand)) {
      throw new InvalidInstanceError(`${where}.demand "${edge.demand}" is not a known demand`);
    }
    // Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a number, so the typeof test only narrows the type
    if (typeof edge.weight !== 'number' || !Number.isFinite(edge.weight)) {
      throw new InvalidInstanceError(`${where}.weight must be a finite number`);
    }
    const key = `${edge.supply}\u0000${edge.demand}`;
    if (seen.has(key)) {
      throw new InvalidInstanceError(`${where} duplicates the edge ${edge.supply} -> ${edge.demand}`);
    }
    seen.add(key);
  });
  return value as unknown as AllocationInstance;
}

function checkNodes(nodes: unknown[], field: string, amount: string): Set<string> {
  const ids = new Set<string>();
  nodes.forEach((node, index) => {
    const where = `${field}[${index}]`;
    if (!isRecord(node)) throw new InvalidInstanceError(`${where} must be an object`);
    if (typeof node.id !== 'string' || node.id === '')
      throw new InvalidInstanceError(`${where}.id is missing`);
    if (ids.has(node.id)) throw new InvalidInstanceError(`${where}.id "${node.id}" is used twice`);
    const value = node[amount];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new InvalidInstanceError(`${where}.${amount} must be a non-negative integer`);
    }
    ids.add(node.id);
  });
  return ids;
}
