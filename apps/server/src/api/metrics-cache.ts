/**
 * Metric reports cached per tenant and query. A tenant's entries are dropped when this process
 * refreshes its facts (facts-refresher.ts), which is when its reports can change; a TTL bounds
 * how stale an entry can be when another process refreshed them. Concurrent misses of one key
 * share one computation.
 */
export class MetricsCache {
  private readonly tenants = new Map<string, Map<string, { at: number; value: Promise<unknown> }>>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxPerTenant = 500,
  ) {}

  async get<T>(tenantId: string, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    let entries = this.tenants.get(tenantId);
    if (entries === undefined) this.tenants.set(tenantId, (entries = new Map()));
    const hit = entries.get(key);
    if (hit !== undefined && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = compute();
    if (entries.size >= this.maxPerTenant) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: now, value });
    // A failed computation is not kept.
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    return value;
  }

  /** Drops a tenant's entries, or every tenant's when `tenantId` is null. */
  invalidate(tenantId: string | null): void {
    if (tenantId === null) this.tenants.clear();
    else this.tenants.delete(tenantId);
  }
}
