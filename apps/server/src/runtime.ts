/**
 * Composition root of a Pulse process: configuration, logger, database and keyring, built from
 * explicit inputs (no singletons) and closed in reverse order. Every command and the server use it.
 */
import { resolve } from 'node:path';
import type { Config } from '@pulse/core';
import type { EgressPolicy } from '@pulse/connectors';
import { migrate, openDatabase, type Db, type MigrateResult } from '@pulse/db';
import { egressFromConfig } from './config/egress.ts';
import { loadKeyring, type LoadedKeyring } from './config/load-keyring.ts';
import { createLogger, SecretScrubber, type Logger } from './logger.ts';

export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Db;
  readonly keys: LoadedKeyring;
  readonly scrubber: SecretScrubber;
  /** Where integrations may connect to, and the size and time limits (PULSE_EGRESS_*). */
  readonly egress: EgressPolicy;
  readonly migrations: MigrateResult | undefined;
  /** Human description of where the data lives, for start-up messages. */
  readonly storage: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Apply pending migrations after connecting (every command but `doctor`). */
  migrate: boolean;
  log?: Logger;
  scrubber?: SecretScrubber;
}

export async function openRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const scrubber = options.scrubber ?? new SecretScrubber();
  if (config.DATABASE_URL !== undefined)
    scrubber.add(decodeURIComponent(new URL(config.DATABASE_URL).password));
  scrubber.add(config.PULSE_SECRET_KEY);
  const log = options.log ?? createLogger({ level: config.LOG_LEVEL, scrubber });
  // The keyring is checked before the database opens: a missing key should stop start-up before
  // anything touches data.
  const keys = loadKeyring(config);
  const egress = egressFromConfig(config, log);
  for (const key of keys.keyring.keys.values()) scrubber.add(key.bytes.toString('base64'));
  for (const warning of keys.warnings) log.warn(warning);

  const db = await openDatabase(
    config.DATABASE_URL === undefined
      ? { dataDir: resolve(config.PULSE_DATA_DIR) }
      : { url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX },
  );
  let migrations: MigrateResult | undefined;
  try {
    if (options.migrate) {
      migrations = await migrate(db);
      if (migrations.applied.length > 0) log.info({ applied: migrations.applied }, 'database migrated');
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    config,
    log,
    db,
    keys,
    scrubber,
    egress,
    migrations,
    storage: describeStorage(config),
    close: async () => {
      await egress.close();
      await db.close();
    },
  };
}

export function describeStorage(config: Config): string {
  if (config.DATABASE_URL === undefined) return `embedded database in ${resolve(config.PULSE_DATA_DIR)}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
