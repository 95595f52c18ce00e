/** Tests an integration's connection: its connector's check() with its stored settings and credentials. */
import type { CheckResult } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { connectorFor } from '../registry.ts';
import type { RunnerDeps } from '../runner/deps.ts';
import { getIntegration, loadSecrets, type Integration } from './integrations.ts';
import { tenantRef } from './tenant-ref.ts';

export async function checkIntegration(
  deps: Pick<RunnerDeps, 'db' | 'registry' | 'keyring' | 'log' | 'createHttp'>,
  tenantId: string,
  nameOrId: string,
): Promise<{ integration: Integration; result: CheckResult }> {
  const { integration, secrets, tenant } = await withTenant(deps.db, tenantId, async (tx) => {
    const found = await getIntegration(tx, nameOrId);
    return {
      integration: found,
      secrets: await loadSecrets(tx, deps.keyring, tenantId, found.id),
      tenant: await tenantRef(tx, tenantId),
    };
  });
  const connector = connectorFor(deps.registry, integration.kind);
  const config = connector.configSchema.parse(integration.config);
  const result = await connector.check({
    tenant,
    config,
    secrets,
    http: deps.createHttp(connector.httpSettings?.(config, secrets), () => {}, 'check'),
    log: deps.log,
    signal: AbortSignal.timeout(60_000),
    now: () => new Date(),
    memo: new Map(),
  });
  return { integration, result };
}
