/**
 * Integration credentials at rest. They are sealed with the keyring (AES-256-GCM) bound to the row
 * they belong to: the associated data names the tenant and the integration, so a sealed value
 * copied to another row or tenant does not open.
 */
import { open, seal, type Keyring } from '@pulse/core';
import type { Db } from './db.ts';
import { asOperator } from './tenancy.ts';

export type IntegrationSecrets = Readonly<Record<string, string>>;

export interface SealedSecrets {
  readonly sealed: string;
  readonly keyId: string;
}

function associatedData(tenantId: string, integrationId: number): string {
  return `pulse:integration:${tenantId}:${integrationId}`;
}

export function sealIntegrationSecrets(
  keyring: Keyring,
  tenantId: string,
  integrationId: number,
  secrets: IntegrationSecrets,
): SealedSecrets {
  return {
    sealed: seal(keyring, JSON.stringify(secrets), associatedData(tenantId, integrationId)),
    keyId: keyring.current.id,
  };
}

export function openIntegrationSecrets(
  keyring: Keyring,
  tenantId: string,
  integrationId: number,
  sealed: string,
): IntegrationSecrets {
  return JSON.parse(open(keyring, sealed, associatedData(tenantId, integrationId))) as IntegrationSecrets;
}

export interface RotateResult {
  /** Integrations whose credentials were re-encrypted under the current key. */
  readonly rotated: number;
  /** Integrations already under the current key. */
  readonly current: number;
}

/**
 * Re-encrypts every integration's credentials under the keyring's current key, in one transaction:
 * if any value cannot be opened (a key is missing), nothing changes.
 */
export async function rotateSecrets(db: Db, keyring: Keyring, actor: string): Promise<RotateResult> {
  return asOperator(
    db,
    { actor, action: 'secrets.rotate', details: { keyId: keyring.current.id } },
    async (tx) => {
      const rows = await tx.query<{ tenantId: string; id: number; sealed: string; keyId: string }>(
        `select tenant_id as "tenantId", id, secrets_sealed as sealed, secrets_key_id as "keyId"
         from integrations where secrets_sealed is not null for update`,
      );
      let rotated = 0;
      for (const row of rows.rows) {
        if (row.keyId === keyring.current.id) continue;
        const secrets = openIntegrationSecrets(keyring, row.tenantId, row.id, row.sealed);
        const next = sealIntegrationSecrets(keyring, row.tenantId, row.id, secrets);
        await tx.query(
          'update integrations set secrets_sealed = $3, secrets_key_id = $4, updated_at = now() where tenant_id = $1 and id = $2',
          [row.tenantId, row.id, next.sealed, next.keyId],
        );
        rotated++;
      }
      return { tenantId: null, result: { rotated, current: rows.rows.length - rotated } };
    },
  );
}
