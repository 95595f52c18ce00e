/**
 * Integrations of a tenant: a connector kind, its validated config and its sealed credentials.
 * Credentials are validated, sealed with the keyring (bound to tenant and integration) and never
 * returned: listings say only whether credentials are set.
 */
import { PulseError, type Keyring } from '@pulse/core';
import { openIntegrationSecrets, sealIntegrationSecrets, withTenant, type Db, type Tx } from '@pulse/db';
import { connectorFor, type ConnectorRegistry } from '../registry.ts';
import { tenantRef } from './tenant-ref.ts';
import { describeIssues } from './zod-issues.ts';

export interface Integration {
  readonly id: number;
  readonly kind: string;
  readonly name: string;
  readonly config: unknown;
  readonly hasSecrets: boolean;
  readonly syncIntervalSeconds: number;
  readonly enabled: boolean;
  readonly maxFailedShare: number;
}

export interface NewIntegration {
  readonly kind: string;
  readonly name: string;
  readonly config: unknown;
  readonly secrets?: Record<string, string>;
  readonly syncIntervalSeconds?: number;
  readonly maxFailedShare?: number;
  /** Seconds raw payloads are kept; null keeps them forever. Default 90 days. */
  readonly rawRetentionSeconds?: number | null;
}

const columns = `id, kind, name, config, secrets_sealed is not null as "hasSecrets",
  extract(epoch from sync_interval)::int as "syncIntervalSeconds", enabled, max_failed_share as "maxFailedShare"`;

/** Validates config and credentials with the connector's schemas, then stores them (sealed). */
export async function addIntegration(
  db: Db,
  keyring: Keyring,
  registry: ConnectorRegistry,
  tenantId: string,
  input: NewIntegration,
): Promise<Integration> {
  const connector = connectorFor(registry, input.kind);
  const config = connector.configSchema.safeParse(input.config);
  if (!config.success)
    throw new PulseError('INTEGRATION_CONFIG_INVALID', {
      message: `The ${input.kind} configuration is invalid: ${describeIssues(config.error)}.`,
      hint: `docs/connectors/${input.kind}.md lists every setting with an example.`,
    });
  const secrets = connector.secretsSchema.safeParse(input.secrets ?? {});
  if (!secrets.success)
    throw new PulseError('INTEGRATION_SECRETS_INVALID', {
      message: `The ${input.kind} credentials are invalid: ${describeIssues(secrets.error)}.`,
    });
  const share = input.maxFailedShare ?? 0.25;
  if (!(share >= 0 && share <= 1))
    throw new PulseError('VALIDATION_FAILED', {
      message: `The failure share must be between 0 and 1, not ${share}.`,
      hint: 'For example 0.25: the run fails when more than a quarter of its partitions fail.',
    });
  if (!/^[a-z0-9][a-z0-9_.-]{0,62}$/.test(input.name))
    throw new PulseError('VALIDATION_FAILED', {
      message: `Integration name "${input.name}" is not valid.`,
      hint: 'Use 1–63 lower-case letters, digits, "-", "_" or ".", e.g. github-acme.',
    });
  return withTenant(db, tenantId, async (tx) => {
    const taken = await tx.query('select 1 from integrations where name = $1', [input.name]);
    if (taken.rowCount > 0)
      throw new PulseError('INTEGRATION_NAME_TAKEN', {
        message: `An integration named "${input.name}" exists already.`,
      });
    await connector.checkConfig?.(config.data, await tenantRef(tx, tenantId));
    const inserted = await tx.query<{ id: number }>(
      `insert into integrations (tenant_id, kind, name, config, sync_interval, max_failed_share, raw_retention)
       values ($1, $2, $3, $4, make_interval(secs => $5), $6, make_interval(secs => $7)) returning id`,
      [
        tenantId,
        input.kind,
        input.name,
        config.data,
        input.syncIntervalSeconds ?? 3600,
        input.maxFailedShare ?? 0.25,
        input.rawRetentionSeconds === undefined ? 90 * 86400 : input.rawRetentionSeconds,
      ],
    );
    const id = inserted.rows[0]!.id;
    const values = secrets.data as Record<string, string>;
    if (Object.keys(values).length > 0) {
      const sealed = sealIntegrationSecrets(keyring, tenantId, id, values);
      await tx.query('update integrations set secrets_sealed = $2, secrets_key_id = $3 where id = $1', [
        id,
        sealed.sealed,
        sealed.keyId,
      ]);
    }
    return getIntegration(tx, String(id));
  });
}

export async function listIntegrations(db: Db, tenantId: string): Promise<Integration[]> {
  return withTenant(db, tenantId, async (tx) => {
    const result = await tx.query<Integration>(`select ${columns} from integrations order by name`);
    return result.rows;
  });
}

/** Finds an integration by name or id; INTEGRATION_NOT_FOUND otherwise. */
export async function getIntegration(tx: Tx, nameOrId: string): Promise<Integration> {
  const byId = /^\d+$/.test(nameOrId);
  const result = await tx.query<Integration>(
    `select ${columns} from integrations where ${byId ? 'id = $1::bigint' : 'name = $1'}`,
    [nameOrId],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new PulseError('INTEGRATION_NOT_FOUND', {
      message: `There is no integration "${nameOrId}".`,
      hint: 'List the integrations with: pulse integrations list',
    });
  return row;
}

export async function removeIntegration(db: Db, tenantId: string, nameOrId: string): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    const integration = await getIntegration(tx, nameOrId);
    await tx.query('delete from integrations where id = $1', [integration.id]);
  });
}

/** Opens an integration's credentials ({} when none are stored). */
export async function loadSecrets(
  tx: Tx,
  keyring: Keyring,
  tenantId: string,
  integrationId: number,
): Promise<Record<string, string>> {
  const result = await tx.query<{ sealed: string | null }>(
    'select secrets_sealed as sealed from integrations where id = $1',
    [integrationId],
  );
  const sealed = result.rows[0]?.sealed;
  return sealed == null ? {} : { ...openIntegrationSecrets(keyring, tenantId, integrationId, sealed) };
}
