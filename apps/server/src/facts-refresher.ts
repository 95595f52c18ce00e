/**
 * Keeps the metric facts of each tenant current without making readers wait: after data changes
 * (a push, a finished sync run) `schedule` refreshes that tenant's facts in the background, one
 * refresh per tenant at a time; changes arriving during a refresh cause exactly one more. Metric
 * requests then read the facts as they are, which costs milliseconds instead of a refresh's
 * seconds; `refresh=true` waits for a refresh instead.
 */
import type { Db } from '@pulse/db';
import { refreshFacts } from '@pulse/metrics';
import type { Logger } from './logger.ts';

export class FactsRefresher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly listeners: ((tenantId: string) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Refreshes `tenantId` soon; returns at once. */
  schedule(tenantId: string): void {
    if (this.running.has(tenantId)) {
      this.again.add(tenantId);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(tenantId);
        try {
          const result = await refreshFacts(this.db, tenantId);
          this.log.debug({ tenantId, deployments: result.deployments }, 'metric facts refreshed');
          for (const listener of this.listeners) listener(tenantId);
        } catch (error) {
          this.log.warn({ tenantId, error: (error as Error).message }, 'metric facts refresh failed');
        }
      } while (this.again.has(tenantId));
    })().finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
  }

  /** Refreshes `tenantId` and waits for it (joining one in progress, then one more for changes since). */
  async now(tenantId: string): Promise<void> {
    const current = this.running.get(tenantId);
    if (current !== undefined) {
      this.again.add(tenantId);
      await current;
      return;
    }
    this.schedule(tenantId);
    await this.running.get(tenantId);
  }

  /** Calls `listener` after each successful refresh of a tenant (e.g. to drop cached reports). */
  onRefreshed(listener: (tenantId: string) => void): void {
    this.listeners.push(listener);
  }

  /** Waits until no refresh runs (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }
}
