/**
 * Per-tenant concurrency of expensive reports on one server process: at most `perTenant` report
 * computations of one tenant run at once; the next `queue` wait (first come, first served) up to
 * `waitMs` for a slot; the rest, and those that waited too long, get REPORTS_BUSY (429 with
 * Retry-After). One tenant flooding reports then holds at most `perTenant` database connections
 * and CPU-bound queries, and the other tenants' requests are not queued behind it.
 *
 * Only computations take a slot: a report answered from the metrics cache never waits here.
 */
import { PulseError } from '@pulse/core';

export interface ReportSlotPolicy {
  /** Reports of one tenant computed at once (default 4). */
  readonly perTenant: number;
  /** Reports of one tenant waiting for a slot (default 16). */
  readonly queue: number;
  /** Longest wait for a slot, ms (default 5000). */
  readonly waitMs: number;
}

export const defaultReportSlots: ReportSlotPolicy = { perTenant: 4, queue: 16, waitMs: 5_000 };

interface TenantSlots {
  running: number;
  readonly waiting: Array<() => void>;
}

export class ReportSlots {
  private readonly tenants = new Map<string, TenantSlots>();

  constructor(private readonly policy: ReportSlotPolicy = defaultReportSlots) {}

  /** Runs `compute` in one of the tenant's slots, waiting for one when all are taken. */
  async run<T>(tenantId: string, compute: () => Promise<T>): Promise<T> {
    await this.acquire(tenantId);
    try {
      return await compute();
    } finally {
      this.release(tenantId);
    }
  }

  /** Reports of a tenant running and waiting now (for tests and metrics). */
  usage(tenantId: string): { running: number; waiting: number } {
    const slots = this.tenants.get(tenantId);
    return { running: slots?.running ?? 0, waiting: slots?.waiting.length ?? 0 };
  }

  private async acquire(tenantId: string): Promise<void> {
    let slots = this.tenants.get(tenantId);
    if (slots === undefined) this.tenants.set(tenantId, (slots = { running: 0, waiting: [] }));
    if (slots.running < this.policy.perTenant) {
      slots.running += 1;
      return;
    }
    if (slots.waiting.length >= this.policy.queue) throw busy(this.policy, 'queue is full');
    const tenant = slots;
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = tenant.waiting.indexOf(wake);
        if (at !== -1) tenant.waiting.splice(at, 1);
        reject(busy(this.policy, `no slot came free within ${this.policy.waitMs} ms`));
      }, this.policy.waitMs);
      tenant.waiting.push(wake);
    });
    // The releasing report handed its slot over: `running` stays as it was.
  }

  private release(tenantId: string): void {
    const slots = this.tenants.get(tenantId)!;
    const next = slots.waiting.shift();
    if (next !== undefined) return next();
    slots.running -= 1;
    if (slots.running === 0) this.tenants.delete(tenantId);
  }
}

/** REPORTS_BUSY with the seconds a client should wait (the route sends them as Retry-After). */
export class ReportsBusyError extends PulseError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('REPORTS_BUSY', { message });
  }
}

function busy(policy: ReportSlotPolicy, why: string): ReportsBusyError {
  const seconds = Math.max(1, Math.ceil(policy.waitMs / 1000));
  return new ReportsBusyError(
    `This tenant already computes ${policy.perTenant} reports on this server and its ${why}; try again in ${seconds} s.`,
    seconds,
  );
}
