import { expect, it } from 'vitest';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import {
  readAsOperator,
  createTenant,
  openIntegrationSecrets,
  rotateSecrets,
  sealIntegrationSecrets,
  withTenant,
} from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';

const oldKey = parseSecretKey(generateSecretKey());
const newKey = parseSecretKey(generateSecretKey());
const secrets = { token: 'ghp_0123456789abcdef' };

describeEachDb('integration secrets at rest', (handle) => {
  let tenantId: string;
  let integrationId: number;

  it('stores credentials sealed, never in the clear', async () => {
    const { db } = handle;
    tenantId = (await createTenant(db, { slug: 'acme' }, 'test')).id;
    integrationId = await withTenant(db, tenantId, async (tx) => {
      const row = await tx.query<{ id: number }>(
        "insert into integrations (tenant_id, kind, name) values ($1, 'github', 'gh') returning id",
        [tenantId],
      );
      const id = row.rows[0]!.id;
      const sealed = sealIntegrationSecrets(createKeyring(oldKey), tenantId, id, secrets);
      await tx.query('update integrations set secrets_sealed = $2, secrets_key_id = $3 where id = $1', [
        id,
        sealed.sealed,
        sealed.keyId,
      ]);
      return id;
    });
    const stored = await withTenant(db, tenantId, (tx) =>
      tx.query<{ row: string }>('select to_jsonb(i)::text as row from integrations i'),
    );
    expect(stored.rows[0]!.row).not.toContain(secrets.token);
    expect(stored.rows[0]!.row).toContain(oldKey.id);
  });

  it('fails rotation as a whole when a stored value is under a key it was not given', async () => {
    await expect(rotateSecrets(handle.db, createKeyring(newKey), 'test')).rejects.toMatchObject({
      code: 'SECRET_KEY_UNKNOWN',
    });
    const keyId = await readAsOperator(handle.db, async (tx) => {
      const r = await tx.query<{ k: string }>('select secrets_key_id as k from integrations');
      return r.rows[0]!.k;
    });
    expect(keyId).toBe(oldKey.id);
  });

  it('re-encrypts under the new key; afterwards the old key is no longer needed', async () => {
    const { db } = handle;
    const result = await rotateSecrets(db, createKeyring(newKey, [oldKey]), 'cli:ops');
    expect(result).toEqual({ rotated: 1, current: 0 });
    expect(await rotateSecrets(db, createKeyring(newKey, [oldKey]), 'cli:ops')).toEqual({
      rotated: 0,
      current: 1,
    });
    const row = await withTenant(db, tenantId, (tx) =>
      tx.query<{ sealed: string; keyId: string }>(
        'select secrets_sealed as sealed, secrets_key_id as "keyId" from integrations',
      ),
    );
    expect(row.rows[0]!.keyId).toBe(newKey.id);
    expect(
      openIntegrationSecrets(createKeyring(newKey), tenantId, integrationId, row.rows[0]!.sealed),
    ).toEqual(secrets);
    // Bound to its row: the same value does not open for another integration id.
    expect(() =>
      openIntegrationSecrets(createKeyring(newKey), tenantId, integrationId + 1, row.rows[0]!.sealed),
    ).toThrow(expect.objectContaining({ code: 'SECRET_DECRYPT_FAILED' }));
    const audit = await readAsOperator(db, async (tx) => {
      const r = await tx.query<{ n: number }>(
        "select count(*) as n from audit_log where action = 'secrets.rotate'",
      );
      return r.rows[0]!.n;
    });
    expect(audit).toBe(2);
  });
});
