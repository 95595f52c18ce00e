/**
 * Regenerates packages/db/schema.sql: applies every migration to a fresh in-memory database and
 * writes the catalog dump. Run after adding a migration: npm run schema:dump
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dumpSchema, migrate, openPglite } from '@pulse/db';

const db = await openPglite();
try {
  await migrate(db);
  const target = fileURLToPath(new URL('../schema.sql', import.meta.url));
  writeFileSync(target, await dumpSchema(db));
  console.log(`wrote ${target}`);
} finally {
  await db.close();
}
