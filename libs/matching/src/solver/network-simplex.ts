/**
 * Primal network simplex for the allocation problem, on a graph made of supply nodes,
 * demand nodes and one root. Every arc is uncapacitated (quantities are bounded by the
 * supplies and demands themselves), which keeps pivots simple: a non-tree arc always
 * carries zero flow, and only tree arcs pointing against a cycle can block it.
 *
 * Formulation (minimisation, cost = -weight):
 *   supply s --(cost -w)--> demand d   the candidate edges
 *   supply s --(cost 0)---> root       unused capacity
 *   root ------(cost 0)---> demand d   unmet quantity
 * The root's slack arcs form the initial spanning tree (a star), which is feasible at once,
 * and stay in the graph, so the solver can also grow: nodes and arcs may be added to a
 * solved problem and the next `run()` continues from the current tree and potentials.
 *
 * Leaving arcs are chosen by the strongly feasible tree rule (prevents cycling on degenerate
 * pivots); entering arcs by block search pricing, as in LEMON's NetworkSimplex.
 */

const NONE = -1;

export class NetworkSimplex {
  // Nodes (index 0 is the root).
  private nodeCount = 1;
  private parent: Int32Array;
  private predArc: Int32Array;
  /** +1: the pred arc points from the node to its parent; -1: from the parent to the node. */
  private predDir: Int8Array;
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private prevSibling: Int32Array;
  private potential: Float64Array;
  private mark: Int32Array;
  private markStamp = 0;

  // Arcs.
  private arcCount = 0;
  private source: Int32Array;
  private target: Int32Array;
  private cost: Float64Array;
  private flow: Float64Array;

  private pricingCursor = 0;
  /** Arcs by endpoint, kept only for incremental re-optimisation (see `runFrom`). */
  private incidentArcs: number[][] | undefined;
  /** Which arcs the current `runFrom` already lists (stamped, so no clearing between runs). */
  private listedStamp = new Int32Array(0);
  private listStamp = 0;
  /** Nodes whose potential changed during the current `runFrom`, to re-price their arcs. */
  private movedNodes: number[] | undefined;
  private readonly epsilon: number;
  pivots = 0;

  constructor(expectedNodes = 16, expectedArcs = 16, epsilon = 1e-9) {
    this.epsilon = epsilon;
    this.parent = new Int32Array(expectedNodes + 1).fill(NONE);
    this.predArc = new Int32Array(expectedNodes + 1).fill(NONE);
    this.predDir = new Int8Array(expectedNodes + 1);
    this.firstChild = new Int32Array(expectedNodes + 1).fill(NONE);
    this.nextSibling = new Int32Array(expectedNodes + 1).fill(NONE);
    this.prevSibling = new Int32Array(expectedNodes + 1).fill(NONE);
    this.potential = new Float64Array(expectedNodes + 1);
    this.mark = new Int32Array(expectedNodes + 1);
    this.source = new Int32Array(expectedArcs);
    this.target = new Int32Array(expectedArcs);
    this.cost = new Float64Array(expectedArcs);
    this.flow = new Float64Array(expectedArcs);
  }

  static readonly ROOT = 0;

  /** Adds a supply node with `capacity`; returns its node index. */
  addSupply(capacity: number): number {
    const node = this.newNode();
    // Slack arc node -> root carries the whole capacity until the node's supply is used.
    const arc = this.newArc(node, NetworkSimplex.ROOT, 0, capacity);
    this.hang(node, NetworkSimplex.ROOT, arc, +1);
    this.potential[node] = 0;
    return node;
  }

  /** Adds a demand node wanting `quantity`; returns its node index. */
  addDemand(quantity: number): number {
    const node = this.newNode();
    const arc = this.newArc(NetworkSimplex.ROOT, node, 0, quantity);
    this.hang(node, NetworkSimplex.ROOT, arc, -1);
    this.potential[node] = 0;
    return node;
  }

  /** Adds a candidate edge supply -> demand worth `weight` per unit; returns its arc index. */
  addEdge(supplyNode: number, demandNode: number, weight: number): number {
    return this.newArc(supplyNode, demandNode, -weight, 0);
  }

  /**
   * Keeps, from now on, the list of arcs at each node, which `runFrom` needs. Call it on a
   * solved problem that will grow; it costs memory a one-off solve does not need.
   */
  trackIncidentArcs(): void {
    // Stryker disable next-line ConditionalExpression: building the lists again gives the same lists; the guard only saves the work
    if (this.incidentArcs) return;
    this.incidentArcs = [];
    // Stryker disable next-line EqualityOperator: one list too many is the one newNode would push for the next node
    for (let node = 0; node < this.nodeCount; node++) this.incidentArcs.push([]);
    // Stryker disable next-line EqualityOperator: the arc one past the end is zero-filled (root to root), and the root's list is never read: the root's potential never moves
    for (let arc = 0; arc < this.arcCount; arc++) {
      this.incidentArcs[this.source[arc]!]!.push(arc);
      this.incidentArcs[this.target[arc]!]!.push(arc);
    }
  }

  /**
   * Re-optimises a problem that was optimal before arcs `firstNewArc..` were added. Only
   * those arcs, and the arcs of nodes whose potential a pivot changes, can have a negative
   * reduced cost; all others kept theirs. So only they are priced: no full scan.
   */
  runFrom(firstNewArc: number): void {
    if (!this.incidentArcs) throw new Error('runFrom needs trackIncidentArcs() first');
    // Stryker disable next-line ConditionalExpression,EqualityOperator: without room for a stamp an arc may be listed twice, which only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
    if (this.listedStamp.length < this.arcCount)
      this.listedStamp = grow(this.listedStamp, this.source.length, 0);
    // Stryker disable next-line UpdateOperator: counting down also gives each run a stamp no arc carries yet
    const stamp = ++this.listStamp;
    const listed = this.listedStamp;
    const candidates: number[] = [];
    const list = (arc: number) => {
      // Stryker disable next-line ConditionalExpression: listing an arc twice only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
      if (listed[arc] !== stamp) {
        listed[arc] = stamp;
        candidates.push(arc);
      }
    };
    // Stryker disable next-line EqualityOperator: the arc one past the end is zero-filled (root to root, cost 0) and never enters; listing it only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
    for (let arc = firstNewArc; arc < this.arcCount; arc++) list(arc);
    this.movedNodes = [];
    let cursor = 0;
    try {
      for (;;) {
        const found = this.blockSearch(candidates.length, cursor, (position) => candidates[position]!);
        if (found.arc === NONE) return;
        cursor = found.cursor;
        this.movedNodes.length = 0;
        this.pivot(found.arc);
        this.pivots++;
        for (const node of this.movedNodes) for (const arc of this.incidentArcs[node]!) list(arc);
      }
    } finally {
      this.movedNodes = undefined;
    }
  }

  get arcTotal(): number {
    return this.arcCount;
  }

  flowOn(arc: number): number {
    return this.flow[arc]!;
  }

  /** Pivots until no arc has a negative reduced cost: the current flow is then optimal. */
  run(): void {
    for (;;) {
      const entering = this.findEnteringArc();
      if (entering === NONE) return;
      this.pivot(entering);
      this.pivots++;
    }
  }

  private findEnteringArc(): number {
    const found = this.blockSearch(this.arcCount, this.pricingCursor, (position) => position);
    this.pricingCursor = found.cursor;
    return found.arc;
  }

  // Block search: scan blocks of about sqrt(n) arcs cyclically from `cursor`, and take the
  // most negative reduced cost of the first block that has one. A full round without one
  // proves that no arc among the n can improve the flow.
  private blockSearch(
    count: number,
    cursor: number,
    arcAt: (position: number) => number,
  ): { arc: number; cursor: number } {
    if (count === 0) return { arc: NONE, cursor };
    // Stryker disable next-line MethodExpression: block size only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
    const blockSize = Math.max(10, Math.ceil(Math.sqrt(count)));
    const { source, target, cost, potential } = this;
    let best = NONE;
    let bestCost = -this.epsilon;
    let inBlock = 0;
    let position = cursor % count;
    // Stryker disable next-line EqualityOperator: one more step prices the first arc of the round again, which only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
    for (let scanned = 0; scanned < count; scanned++) {
      const arc = arcAt(position);
      const reduced = cost[arc]! + potential[source[arc]!]! - potential[target[arc]!]!;
      // Stryker disable next-line EqualityOperator: taking the last of equally negative arcs instead of the first only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
      if (reduced < bestCost) {
        bestCost = reduced;
        best = arc;
      }
      position = position + 1 === count ? 0 : position + 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator,BlockStatement: block size only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
      if (++inBlock === blockSize) {
        // Stryker disable next-line ConditionalExpression: scanning on to the end of the round (a larger block) only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
        if (best !== NONE) break;
        inBlock = 0;
      }
    }
    return { arc: best, cursor: position };
  }

  private pivot(entering: number): void {
    const first = this.source[entering]!;
    const second = this.target[entering]!;
    const join = this.findJoin(first, second);

    // Find the blocking tree arc: on the first side, arcs pointing up (towards the join) lose
    // flow; on the second side, arcs pointing down do. Ties: last on the first side, then any
    // on the second side (`<=`) — the strongly feasible tree rule.
    let delta = Infinity;
    let leavingNode = NONE;
    let leavingSide = 0;
    for (let node = first; node !== join; node = this.parent[node]!) {
      if (this.predDir[node] === 1) {
        const available = this.flow[this.predArc[node]!]!;
        if (available < delta) {
          delta = available;
          leavingNode = node;
          leavingSide = 1;
        }
      }
    }
    for (let node = second; node !== join; node = this.parent[node]!) {
      if (this.predDir[node] === -1) {
        const available = this.flow[this.predArc[node]!]!;
        if (available <= delta) {
          delta = available;
          leavingNode = node;
          leavingSide = 2;
        }
      }
    }
    if (leavingNode === NONE) throw new Error('unbounded cycle: the allocation graph is malformed');

    // Stryker disable next-line ConditionalExpression,EqualityOperator: a degenerate pivot (delta 0) moves no flow, so updating the flows by 0 changes nothing
    if (delta > 0) {
      this.flow[entering] = this.flow[entering]! + delta;
      for (let node = first; node !== join; node = this.parent[node]!) {
        const arc = this.predArc[node]!;
        this.flow[arc] = this.flow[arc]! - this.predDir[node]! * delta;
      }
      for (let node = second; node !== join; node = this.parent[node]!) {
        const arc = this.predArc[node]!;
        this.flow[arc] = this.flow[arc]! + this.predDir[node]! * delta;
      }
    }

    // The subtree below the leaving arc is re-rooted at the entering arc's endpoint on its
    // side and hung from the other endpoint.
    const rootOfMoved = leavingSide === 1 ? first : second;
    const newParentOfMoved = leavingSide === 1 ? second : first;
    const reduced = this.cost[entering]! + this.potential[first]! - this.potential[second]!;
    this.reroot(rootOfMoved, leavingNode, newParentOfMoved, entering);
    // Make the entering arc's reduced cost zero by shifting the moved subtree's potentials.
    const shift = rootOfMoved === first ? -reduced : reduced;
    this.shiftSubtree(rootOfMoved, shift);
  }

  private findJoin(a: number, b: number): number {
    // Stryker disable next-line UpdateOperator: counting down also gives each search a stamp no node carries yet
    const stamp = ++this.markStamp;
    const mark = this.mark;
    for (;;) {
      if (a !== NONE) {
        if (mark[a] === stamp) return a;
        mark[a] = stamp;
        a = this.parent[a]!;
      }
      if (b !== NONE) {
        if (mark[b] === stamp) return b;
        mark[b] = stamp;
        b = this.parent[b]!;
      }
    }
  }

  /** Reverses the tree path from `start` up to `top`, then hangs `start` from `newParent`. */
  private reroot(start: number, top: number, newParent: number, newArc: number): void {
    let node = start;
    let parentToBe = newParent;
    let arcToBe = newArc;
    let dirToBe = this.source[newArc] === start ? 1 : -1;
    for (;;) {
      const oldParent = this.parent[node]!;
      const oldArc = this.predArc[node]!;
      const oldDir = this.predDir[node]!;
      this.detach(node);
      this.hang(node, parentToBe, arcToBe, dirToBe);
      if (node === top) return;
      parentToBe = node;
      arcToBe = oldArc;
      dirToBe = -oldDir;
      node = oldParent;
    }
  }

  private shiftSubtree(root: number, shift: number): void {
    // Stryker disable next-line ConditionalExpression: shifting by 0 leaves the potentials as they are; runFrom then only re-prices a few more arcs, which only changes the order arcs are priced in: the entering arc still has a negative reduced cost, and the simplex still stops only at an optimum
    if (shift === 0) return;
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.potential[node] = this.potential[node]! + shift;
      this.movedNodes?.push(node);
      for (let child = this.firstChild[node]!; child !== NONE; child = this.nextSibling[child]!) {
        stack.push(child);
      }
    }
  }

  private hang(node: number, parent: number, arc: number, dir: number): void {
    this.parent[node] = parent;
    this.predArc[node] = arc;
    this.predDir[node] = dir;
    const head = this.firstChild[parent]!;
    this.nextSibling[node] = head;
    this.prevSibling[node] = NONE;
    // Stryker disable next-line ConditionalExpression: with no head the write goes to index -1 of a typed array, which stores nothing
    if (head !== NONE) this.prevSibling[head] = node;
    this.firstChild[parent] = node;
  }

  private detach(node: number): void {
    const parent = this.parent[node]!;
    // Stryker disable next-line ConditionalExpression: detach is only called on nodes below the root, which always have a parent
    if (parent === NONE) return;
    const previous = this.prevSibling[node]!;
    const next = this.nextSibling[node]!;
    if (previous === NONE) this.firstChild[parent] = next;
    else this.nextSibling[previous] = next;
    // Stryker disable next-line ConditionalExpression: with no next sibling the write goes to index -1 of a typed array, which stores nothing
    if (next !== NONE) this.prevSibling[next] = previous;
    this.parent[node] = NONE;
  }

  private newNode(): number {
    if (this.nodeCount === this.parent.length) this.growNodes();
    const node = this.nodeCount++;
    this.incidentArcs?.push([]);
    this.parent[node] = NONE;
    this.firstChild[node] = NONE;
    this.nextSibling[node] = NONE;
    this.prevSibling[node] = NONE;
    return node;
  }

  private newArc(from: number, to: number, arcCost: number, initialFlow: number): number {
    if (this.arcCount === this.source.length) this.growArcs();
    const arc = this.arcCount++;
    this.source[arc] = from;
    this.target[arc] = to;
    this.cost[arc] = arcCost;
    this.flow[arc] = initialFlow;
    this.incidentArcs?.[from]!.push(arc);
    this.incidentArcs?.[to]!.push(arc);
    return arc;
  }

  private growNodes(): void {
    const size = this.parent.length * 2;
    this.parent = grow(this.parent, size, NONE);
    this.predArc = grow(this.predArc, size, NONE);
    this.predDir = grow(this.predDir, size, 0);
    this.firstChild = grow(this.firstChild, size, NONE);
    this.nextSibling = grow(this.nextSibling, size, NONE);
    this.prevSibling = grow(this.prevSibling, size, NONE);
    this.potential = grow(this.potential, size, 0);
    this.mark = grow(this.mark, size, 0);
  }

  private growArcs(): void {
    const size = this.source.length * 2;
    this.source = grow(this.source, size, 0);
    this.target = grow(this.target, size, 0);
    this.cost = grow(this.cost, size, 0);
    this.flow = grow(this.flow, size, 0);
  }
}

type NumericArray = Int32Array | Int8Array | Float64Array;

function grow<T extends NumericArray>(array: T, size: number, fill: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  bigger.fill(fill, array.length);
  return bigger;
}
