/**
 * The committed packages/db/schema.sql is the schema the migrations produce. When this fails after
 * a schema change, run `npm run schema:dump` and review the diff of schema.sql.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { dumpSchema } from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';

const committed = readFileSync(new URL('../schema.sql', import.meta.url), 'utf8');

describeEachDb('schema.sql', (handle) => {
  it('matches the schema the migrations produce', async () => {
    const actual = await dumpSchema(handle.db);
    expect(actual.split('\n')).toEqual(committed.split('\n'));
  });

  it('notices drift: a column added outside the migrations changes the dump', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.exec('alter table tenants add column sneaky int');
      expect(await dumpSchema(tx)).not.toBe(committed);
      await tx.exec('alter table tenants drop column sneaky');
    });
    expect(await dumpSchema(handle.db)).toBe(committed);
  });
});
