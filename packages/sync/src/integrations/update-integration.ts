/**
 * Changing an integration: settings are validated by its connector again, new credentials replace
 * the stored ones (sealed; credentials left out stay as they are), and the schedule can change or
 * stop. Like adding, nothing is stored unless everything given is valid.
 *
 * Stored credentials are bound to where the connector sends them (`secretTarget`: the base URL or
 * site). New settings that move that target without new credentials are refused
 * (INTEGRATION_SECRET_REBIND_REQUIRED): otherwise anyone who may edit settings could point the
 * integration at their own host and have "test connection" hand them the stored token. A change
 * that brings the credentials along is accepted and written to the audit log.
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
  /** Who makes the change ('user:…', 'api-key:…'), for the audit log. */
  readonly actor?: string;
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
      const target = connector.secretTarget;
      if (target !== undefined) {
        const before = connector.configSchema.safeParse(current.config);
        const from = before.success ? target(before.data) : undefined;
        const to = target(config.data);
        if (from !== to) {
          if (current.hasSecrets && changes.secrets === undefined)
            throw new PulseError('INTEGRATION_SECRET_REBIND_REQUIRED', {
              message: `The new ${current.kind} settings send the credentials to another place than the stored ones were given for; send the credentials again with them.`,
            });
          await tx.query(
            'insert into audit_log (tenant_id, actor, action, target, details) values ($1, $2, $3, $4, $5)',
            [
              tenantId,
              changes.actor ?? 'unknown',
              'integration.target_changed',
              `integration:${current.id}`,
              { from: from ?? null, to, secretsReplaced: changes.secrets !== undefined },
            ],
          );
        }
      }
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
