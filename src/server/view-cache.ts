/**
 * Serialized read results, valid while the store's change mark and the learner's day stay the same. One
 * indexed query per request decides; a change from any process (the CLI) invalidates everything.
 */
export class ViewCache {
  private readonly entries = new Map<string, string>();
  private version = '';

  constructor(private readonly capacity = 64) {}

  /** The cached JSON for `key` under `version`, computing it when absent. */
  get(version: string, key: string, compute: () => unknown): string {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh its place: the Map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const json = JSON.stringify(compute());
    this.entries.set(key, json);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return json;
  }
}
