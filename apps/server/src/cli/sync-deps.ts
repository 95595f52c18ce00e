/** Builds the sync runner's dependencies from a command's runtime. */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { gitConnector, githubConnector, jiraConnector } from '@pulse/connectors';
import {
  connectorRegistry,
  httpFactory,
  type ConnectorRegistry,
  type ProgressEvent,
  type RunnerDeps,
} from '@pulse/sync';
import type { FactsRefresher } from '../facts-refresher.ts';
import type { Runtime } from '../runtime.ts';

export function knownConnectors(): ConnectorRegistry {
  return connectorRegistry([githubConnector, gitConnector, jiraConnector]);
}

export function runnerDeps(
  rt: Runtime,
  options: { onProgress?: (event: ProgressEvent) => void; facts?: FactsRefresher } = {},
): RunnerDeps {
  const { facts, onProgress: report } = options;
  // A finished run changed the data: its tenant's metric facts are refreshed in the background.
  const onProgress =
    facts === undefined
      ? report
      : (event: ProgressEvent) => {
          report?.(event);
          if (event.state === 'succeeded' || event.state === 'failed') facts.schedule(event.tenantId);
        };
  return {
    db: rt.db,
    registry: knownConnectors(),
    keyring: rt.keys.keyring,
    log: rt.log,
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    createHttp: httpFactory(rt.log),
    // The embedded database admits one process: whatever another process left running is orphaned.
    orphanAfterMs: rt.db.kind === 'pglite' ? 0 : 60_000,
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}
