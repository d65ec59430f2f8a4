/**
 * Values kept in memory until each one's deadline, at most `max` of them: when
 * full, the one kept longest goes first. What the API remembers of its callers
 * (their verified tokens, their directory rows) is kept here.
 */
export class ExpiringMemo<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly max: number) {}

  /** What is kept for `key` (wrapped, since a kept value may be null), unless nothing or past its deadline. */
  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry || Date.now() >= entry.until) return undefined;
    return { value: entry.value };
  }

  /** Keeps `value` for `key` until `until` (a time in ms). */
  set(key: string, value: V, until: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
