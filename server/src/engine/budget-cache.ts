/**
 * A map from line texts to what was computed of them, limited in bytes rather
 * than in entries. A count limit is no limit when one entry can be a
 * 690,000-character line: typing into it added one such entry (and its words)
 * per keystroke until the process ran out of memory. Entries are charged an
 * estimate of their size (the caller says how much per character of the key)
 * and the least recently used are dropped first; an entry larger than a
 * quarter of the budget is not kept at all, except as the single most recent
 * large entry, so a long line read by several rules in one analysis is still
 * computed once.
 */
export class BudgetCache<V> {
  private readonly map = new Map<string, { value: V; cost: number }>();
  private used = 0;
  private large: { key: string; value: V } | null = null;

  /**
   * @param budgetBytes the most the kept entries may cost together
   * @param costOf the estimated bytes of an entry (key and value)
   */
  constructor(
    private budgetBytes: number,
    private readonly costOf: (key: string, value: V) => number,
  ) {}

  /** The most the kept entries may cost together, now. */
  get budget(): number {
    return this.budgetBytes;
  }

  /**
   * Changes the budget (a smaller one drops the least recently used entries
   * at once). The large entry stays as it is until the next one replaces it.
   */
  resize(budgetBytes: number): void {
    this.budgetBytes = budgetBytes;
    this.evict();
  }

  /** The estimated bytes of an entry, as this cache charges it. */
  cost(key: string, value: V): number {
    return this.costOf(key, value);
  }

  get(key: string): V | undefined {
    if (this.large && this.large.key === key) return this.large.value;
    const hit = this.map.get(key);
    if (hit === undefined) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const cost = this.costOf(key, value);
    if (cost > this.budgetBytes / 4) {
      this.large = { key, value };
      return;
    }
    const old = this.map.get(key);
    if (old) {
      this.used -= old.cost;
      this.map.delete(key);
    }
    this.map.set(key, { value, cost });
    this.used += cost;
    this.evict();
  }

  /** Drops the least recently used entries until the kept ones fit the budget. */
  private evict(): void {
    for (const [k, e] of this.map) {
      if (this.used <= this.budgetBytes) break;
      this.map.delete(k);
      this.used -= e.cost;
    }
  }

  has(key: string): boolean {
    return (this.large !== null && this.large.key === key) || this.map.has(key);
  }

  clear(): void {
    this.map.clear();
    this.used = 0;
    this.large = null;
  }

  /** Entries kept (the large one included). */
  get size(): number {
    return this.map.size + (this.large ? 1 : 0);
  }

  /** The estimated bytes kept. */
  get bytes(): number {
    return this.used + (this.large ? this.costOf(this.large.key, this.large.value) : 0);
  }
}
