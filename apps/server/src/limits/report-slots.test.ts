import { describe, expect, it } from 'vitest';
import { ReportSlots, ReportsBusyError } from './report-slots.ts';

/** A computation the test finishes when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, compute: async () => opened };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ReportSlots', () => {
  it('runs at most perTenant computations of a tenant at once, the next ones in arrival order', async () => {
    const slots = new ReportSlots({ perTenant: 2, queue: 5, waitMs: 10_000 });
    const gates = [gate(), gate(), gate(), gate()];
    const order: number[] = [];
    const runs = gates.map((g, i) => slots.run('a', () => g.compute().then(() => void order.push(i))));
    await settle();
    expect(slots.usage('a')).toEqual({ running: 2, waiting: 2 });
    gates[3]!.open(); // still waiting for a slot: finishing its gate does not let it run early
    gates[2]!.open();
    await settle();
    expect(order).toEqual([]);
    gates[1]!.open();
    await settle();
    // 2 took the slot 1 freed (first come, first served), then 3 took 2's: both gates were open.
    expect(order).toEqual([1, 2, 3]);
    expect(slots.usage('a')).toEqual({ running: 1, waiting: 0 });
    gates[0]!.open();
    await Promise.all(runs);
    expect(order).toEqual([1, 2, 3, 0]);
    expect(slots.usage('a')).toEqual({ running: 0, waiting: 0 });
  });

  it('keeps tenants apart: a full tenant does not delay another', async () => {
    const slots = new ReportSlots({ perTenant: 1, queue: 1, waitMs: 10_000 });
    const held = gate();
    const a = slots.run('a', held.compute);
    await expect(slots.run('b', async () => 'b served')).resolves.toBe('b served');
    held.open();
    await a;
  });

  it('refuses at once past the queue, and after waitMs in it, with a Retry-After', async () => {
    const slots = new ReportSlots({ perTenant: 1, queue: 1, waitMs: 50 });
    const held = gate();
    const running = slots.run('a', held.compute);
    const waiting = slots.run('a', async () => 'late');
    const refused = slots.run('a', async () => 'never');
    await expect(refused).rejects.toMatchObject({ code: 'REPORTS_BUSY', retryAfterSeconds: 1 });
    await expect(waiting).rejects.toBeInstanceOf(ReportsBusyError);
    expect(slots.usage('a')).toEqual({ running: 1, waiting: 0 });
    held.open();
    await running;
    expect(slots.usage('a')).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a computation that fails', async () => {
    const slots = new ReportSlots({ perTenant: 1, queue: 0, waitMs: 0 });
    await expect(slots.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run('a', async () => 'next')).resolves.toBe('next');
  });
});
