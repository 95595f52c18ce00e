import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Where the data lives: a PostgreSQL server, or the embedded database in a folder. */
export type DatabaseTarget = { url: string; poolMax?: number } | { dataDir: string };

export function openDatabase(target: DatabaseTarget): Promise<Db> {
  return 'url' in target
    ? openPostgres(
        target.poolMax === undefined ? { url: target.url } : { url: target.url, poolMax: target.poolMax },
      )
    : openPglite(target.dataDir);
}
