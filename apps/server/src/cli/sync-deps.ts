/** Builds the sync runner's dependencies from a command's runtime. */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Config } from '@pulse/core';
import {
  createGitConnector,
  githubConnector,
  jiraConnector,
  type GitConnectorOptions,
} from '@pulse/connectors';
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

/**
 * Every connector, the git one confined to the roots and grants of `config` (or of `git` when
 * given, e.g. by tests). Without either, the git connector allows no path at all.
 */
export function knownConnectors(
  config?: Pick<Config, 'PULSE_GIT_ROOTS' | 'PULSE_GIT_GRANTS' | 'PULSE_DATA_DIR'>,
  git: GitConnectorOptions = config === undefined ? {} : gitOptions(config),
): ConnectorRegistry {
  return connectorRegistry([githubConnector, createGitConnector(git), jiraConnector]);
}

/** PULSE_GIT_ROOTS (default: `repositories` beside PULSE_DATA_DIR) and PULSE_GIT_GRANTS, absolute. */
export function gitOptions(
  config: Pick<Config, 'PULSE_GIT_ROOTS' | 'PULSE_GIT_GRANTS' | 'PULSE_DATA_DIR'>,
): GitConnectorOptions {
  const roots = config.PULSE_GIT_ROOTS ?? [resolve(dirname(resolve(config.PULSE_DATA_DIR)), 'repositories')];
  return { roots, grants: config.PULSE_GIT_GRANTS };
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
    registry: knownConnectors(rt.config),
    keyring: rt.keys.keyring,
    log: rt.log,
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    createHttp: httpFactory(rt.log, rt.egress),
    // The embedded database admits one process: whatever another process left running is orphaned.
    orphanAfterMs: rt.db.kind === 'pglite' ? 0 : 60_000,
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}
