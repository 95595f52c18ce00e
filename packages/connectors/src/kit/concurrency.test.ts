import { describe, expect, it } from 'vitest';
import { createSemaphore } from './concurrency.ts';

describe('createSemaphore', () => {
  it('grants at most `limit` slots and hands them out in FIFO order', async () => {
    const semaphore = createSemaphore(2);
    const order: string[] = [];
    const a = await semaphore.acquire();
    const b = await semaphore.acquire();
    const c = semaphore.acquire().then((release) => (order.push('c'), release));
    const d = semaphore.acquire().then((release) => (order.push('d'), release));
    expect(semaphore.active).toBe(2);

    a();
    a(); // releasing twice must not free a second slot
    const releaseC = await c;
    expect(order).toEqual(['c']);
    b();
    (await d)();
    releaseC();
    expect(semaphore.active).toBe(0);
  });

  it('drops a waiter whose signal aborts, without losing the slot', async () => {
    const semaphore = createSemaphore(1);
    const held = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');

    held();
    expect(semaphore.active).toBe(0);
    (await semaphore.acquire())();
  });

  it('rejects a non-positive limit', () => {
    expect(() => createSemaphore(0)).toThrow(/positive integer/);
  });
});
