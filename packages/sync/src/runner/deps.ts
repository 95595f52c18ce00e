import type { Keyring } from '@pulse/core';
import type { ConnectorHttpSettings, HttpClient, Logger } from '@pulse/connectors';
import type { Db } from '@pulse/db';
import type { ConnectorRegistry } from '../registry.ts';
import type { ProgressEvent } from './progress.ts';

/** What the runner needs from the process that hosts it (CLI, worker, server). */
export interface RunnerDeps {
  readonly db: Db;
  readonly registry: ConnectorRegistry;
  readonly keyring: Keyring;
  readonly log: Logger;
  /** Unique per process, e.g. host:pid:random; recorded on the partitions it claims. */
  readonly workerId: string;
  /**
   * Builds the integration's HTTP client (one per run, or per connection check) from the
   * connector's settings; 'check' clients get the egress policy's tighter size and time limits.
   */
  readonly createHttp: (
    settings: ConnectorHttpSettings | undefined,
    onEvent: (event: HttpEventLike) => void,
    purpose?: HttpPurpose,
  ) => HttpClient;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Partitions of one stream processed at once by this worker (default 4). */
  readonly partitionConcurrency?: number;
  /**
   * A running run whose heartbeat is older than this is orphaned (its worker died) and its
   * running partitions are re-queued. 0 = every running partition is orphaned, which is right for
   * the embedded database, where only one process can be open.
   */
  readonly orphanAfterMs?: number;
  readonly now?: () => Date;
}

/** What a client is for: reading data (a sync run) or testing the connection. */
export type HttpPurpose = 'sync' | 'check';

/** The HTTP client's events the runner counts (rate-limit waits, retries). */
export interface HttpEventLike {
  readonly type: string;
  readonly ms?: number;
}
