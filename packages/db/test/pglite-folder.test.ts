/** The embedded database keeps its data in a folder, reopens it, and lets one process in at a time. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, listTenants, migrate, openPglite } from '@pulse/db';

const root = mkdtempSync(join(tmpdir(), 'pulse-pglite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded database folder', () => {
  const dataDir = join(root, 'nested', 'data');

  it('is created on first open and reopened with its data afterwards', async () => {
    const first = await openPglite(dataDir);
    await migrate(first);
    await createTenant(first, { slug: 'keep' }, 'test');
    await first.close();

    const again = await openPglite(dataDir);
    try {
      expect((await migrate(again)).applied).toEqual([]);
      expect((await listTenants(again)).map((t) => t.slug)).toEqual(['keep']);
    } finally {
      await again.close();
    }
  });

  it('refuses a second opener while the folder is in use, then admits it after close', async () => {
    const owner = await openPglite(dataDir);
    await expect(openPglite(dataDir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    await owner.close();
    const next = await openPglite(dataDir);
    await next.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    writeFileSync(join(root, 'nested', 'data.lock'), '999999999');
    const db = await openPglite(dataDir);
    await db.close();
  });

  it('reports a folder it cannot create', async () => {
    const blocker = join(root, 'file');
    writeFileSync(blocker, 'not a folder');
    await expect(openPglite(join(blocker, 'data'))).rejects.toMatchObject({ code: 'DATA_DIR_UNUSABLE' });
  });
});
