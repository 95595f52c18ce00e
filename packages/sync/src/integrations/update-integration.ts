/**
 * Changing an integration: settings are validated by its connector again, new credentials replace
 * the stored ones (sealed; credentials left out stay as they are), and the schedule can change or
 * stop. Like adding, nothing is stored unless everything given is valid.
 */
import { PulseError, type Keyring } from '@pulse/core';
import { sealIntegrationSecrets, withTenant, type Db } from '@pulse/db';
import { connectorFor, type ConnectorRegistry } from '../registry.ts';
import { getIntegration, type Integration } from './integrations.ts';
import { tenantRef } from './tenant-ref.ts';
import { describeIssues } from './zod-issues.ts';

export interface IntegrationChanges {
  readonly config?: unknown;
  /** Replaces every stored credential. */
  readonly secrets?: Record<string, string>;
  readonly syncIntervalSeconds?: number;
  readonly maxFailedShare?: number;
  /** False stops scheduled syncs (syncing by hand still works). */
  readonly enabled?: boolean;
}

export async function updateIntegration(
  db: Db,
  keyring: Keyring,
  registry: ConnectorRegistry,
  tenantId: string,
  nameOrId: string,
  changes: IntegrationChanges,
): Promise<Integration> {
  return withTenant(db, tenantId, async (tx) => {
    const current = await getIntegration(tx, nameOrId);
    const connector = connectorFor(registry, current.kind);
    if (changes.config !== undefined) {
      // Mappings are edited on their own (mappings.ts): new settings without them keep the current ones.
      const currentMappings = (current.config as { mappings?: unknown } | null)?.mappings;
      const given = changes.config;
      const keep =
        currentMappings !== undefined &&
        typeof given === 'object' &&
        given !== null &&
        !('mappings' in given);
      const config = connector.configSchema.safeParse(keep ? { ...given, mappings: currentMappings } : given);
      if (!config.success)
        throw new PulseError('INTEGRATION_CONFIG_INVALID', {
          message: `The ${current.kind} configuration is invalid: ${describeIssues(config.error)}.`,
          hint: `docs/connectors/${current.kind}.md lists every setting with an example.`,
        });
      await connector.checkConfig?.(config.data, await tenantRef(tx, tenantId));
      await tx.query('update integrations set config = $2, updated_at = now() where id = $1', [
        current.id,
        config.data,
      ]);
    }
    if (changes.secrets !== undefined) {
      const secrets = connector.secretsSchema.safeParse(changes.secrets);
      if (!secrets.success)
        throw new PulseError('INTEGRATION_SECRETS_INVALID', {
          message: `The ${current.kind} credentials are invalid: ${describeIssues(secrets.error)}.`,
        });
      const values = secrets.data as Record<string, string>;
      const sealed =
        Object.keys(values).length === 0
          ? null
          : sealIntegrationSecrets(keyring, tenantId, current.id, values);
      await tx.query(
        'update integrations set secrets_sealed = $2, secrets_key_id = $3, updated_at = now() where id = $1',
        [current.id, sealed?.sealed ?? null, sealed?.keyId ?? null],
      );
    }
    await tx.query(
      `update integrations set
         sync_interval = coalesce(make_interval(secs => $2::int), sync_interval),
         max_failed_share = coalesce($3::float8, max_failed_share),
         enabled = coalesce($4::boolean, enabled),
         updated_at = now()
       where id = $1`,
      [
        current.id,
        changes.syncIntervalSeconds ?? null,
        changes.maxFailedShare ?? null,
        changes.enabled ?? null,
      ],
    );
    return getIntegration(tx, String(current.id));
  });
}
