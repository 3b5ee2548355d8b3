/**
 * Results computed from the whole graph (the dependency network, ranks, concentration), remembered while the
 * database is unchanged. The version is Neo4j's bookmark of a read transaction: it moves with every commit, from
 * any client, so nothing is served from a graph that has since changed.
 */
export class SnapshotCache {
  private version: string | undefined;
  private readonly entries = new Map<string, Promise<unknown>>();

  /** `capacity` results are kept (least recently used dropped first); 0 keeps none. */
  constructor(private readonly capacity = 32) {}

  /** Returns `compute()` for `key` at `version`, reusing the result of an earlier call at the same version. */
  remember<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.capacity === 0) return compute();
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known as Promise<T>;
    }
    const result = compute();
    this.entries.set(key, result);
    // A failure is not remembered: the next call computes again.
    result.catch(() => {
      if (this.entries.get(key) === result) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }

  /** Whether results are remembered (and shared with other servers) at all. */
  get enabled(): boolean {
    return this.capacity > 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
