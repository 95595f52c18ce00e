/** Tenants and tenant-scoped helpers for the store and NDJSON tests. */
import { randomBytes } from 'node:crypto';
import type { NormalisedRecord } from '@pulse/core';
import { createTenant, withTenant, type Db } from '@pulse/db';
import { writeRecords } from '../../../src/store/write-records.ts';
import type { WriteOptions, WriteResult } from '../../../src/store/types.ts';

export async function newTenant(db: Db, prefix = 't'): Promise<string> {
  const tenant = await createTenant(
    db,
    { slug: `${prefix}-${randomBytes(4).toString('hex')}`, name: 'Test organisation' },
    'test',
  );
  return tenant.id;
}

export function write(
  db: Db,
  tenantId: string,
  records: readonly NormalisedRecord[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  return withTenant(db, tenantId, (tx) =>
    writeRecords(tx, { tenantId, integrationId: null }, records, options),
  );
}

export async function rows<R = Record<string, unknown>>(
  db: Db,
  tenantId: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  return withTenant(db, tenantId, async (tx) => (await tx.query<R>(sql, params)).rows);
}
