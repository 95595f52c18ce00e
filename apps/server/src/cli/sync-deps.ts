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
import type { StreamBus } from '../stream/bus.ts';
import type { Runtime } from '../runtime.ts';

export function knownConnectors(): ConnectorRegistry {
  return connectorRegistry([githubConnector, gitConnector, jiraConnector]);
}

export function runnerDeps(
  rt: Runtime,
  options: { onProgress?: (event: ProgressEvent) => void; facts?: FactsRefresher; stream?: StreamBus } = {},
): RunnerDeps {
  const { facts, stream, onProgress: report } = options;
  const onProgress =
    facts === undefined && stream === undefined
      ? report
      : (event: ProgressEvent) => {
          report?.(event);
          // Progress goes to the live stream; a run's updates still waiting to be written merge.
          const { tenantId, runId, integrationId, state, progress } = event;
          stream?.publish(tenantId, 'sync-runs', { runId, integrationId, state, progress }, `run:${runId}`);
          if (state === 'succeeded' || state === 'partial' || state === 'failed') {
            // A finished run changed the data: the tenant's metric facts are refreshed in the background.
            facts?.schedule(tenantId);
            stream?.publish(tenantId, 'data', { reason: 'sync', integrationId });
          }
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
