import { expect, it } from 'vitest';
import { readAsOperator, createTenant, createUser, findTenant, listTenants, withTenant } from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';

describeEachDb('platform operations', (handle) => {
  it('creates tenants through the operator path and audits each creation', async () => {
    const { db } = handle;
    const acme = await createTenant(db, { slug: 'acme', name: 'Acme Corp' }, 'cli:ops');
    expect(acme).toMatchObject({ slug: 'acme', name: 'Acme Corp' });
    await createTenant(db, { slug: 'globex' }, 'cli:ops');
    expect((await listTenants(db)).map((t) => t.slug)).toEqual(['acme', 'globex']);
    expect((await findTenant(db, acme.id)).slug).toBe('acme');
    expect((await findTenant(db, 'acme')).id).toBe(acme.id);

    // The tenant itself sees the audit entry of its creation.
    const audit = await withTenant(db, acme.id, (tx) =>
      tx.query<{ actor: string; action: string; target: string }>(
        'select actor, action, target from audit_log',
      ),
    );
    expect(audit.rows).toEqual([{ actor: 'cli:ops', action: 'tenant.create', target: 'acme' }]);
  });

  it('rejects bad and duplicate slugs with stable codes, leaving nothing behind', async () => {
    const { db } = handle;
    for (const slug of ['A', 'Bad Slug', '-x', 'x'.repeat(64), '']) {
      await expect(createTenant(db, { slug }, 'test')).rejects.toMatchObject({ code: 'TENANT_SLUG_INVALID' });
    }
    await expect(createTenant(db, { slug: 'acme' }, 'test')).rejects.toMatchObject({
      code: 'TENANT_SLUG_TAKEN',
    });
    await expect(findTenant(db, 'nope')).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
    const audits = await readAsOperator(db, async (tx) => {
      const r = await tx.query<{ n: number }>(
        "select count(*) as n from audit_log where action = 'tenant.create'",
      );
      return r.rows[0]!.n;
    });
    expect(audits).toBe(2); // acme and globex only: failed attempts leave no audit entry and no tenant
  });

  it('creates users with a role per tenant; one account can join several tenants', async () => {
    const { db } = handle;
    const first = await createUser(
      db,
      { tenant: 'acme', email: ' Ada@Example.COM ', role: 'admin', passwordHash: 'h1' },
      'test',
    );
    expect(first).toMatchObject({ email: 'ada@example.com', role: 'admin', created: true });
    const second = await createUser(
      db,
      { tenant: 'globex', email: 'ada@example.com', role: 'viewer', passwordHash: 'h2' },
      'test',
    );
    expect(second).toMatchObject({ id: first.id, created: false, role: 'viewer' });
    await expect(
      createUser(
        db,
        { tenant: 'acme', email: 'ada@example.com', role: 'member', passwordHash: null },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'USER_ALREADY_MEMBER' });

    const acme = await findTenant(db, 'acme');
    const members = await withTenant(db, acme.id, (tx) =>
      tx.query<{ email: string; role: string; password_hash: string }>(
        'select u.email, m.role, u.password_hash from users u join memberships m on m.user_id = u.id',
      ),
    );
    expect(members.rows).toEqual([{ email: 'ada@example.com', role: 'admin', password_hash: 'h1' }]);
  });

  it('rejects bad users with stable codes', async () => {
    const { db } = handle;
    const base = { tenant: 'acme', email: 'bob@example.com', role: 'member', passwordHash: null };
    await expect(createUser(db, { ...base, email: 'not-an-email' }, 't')).rejects.toMatchObject({
      code: 'USER_EMAIL_INVALID',
    });
    await expect(createUser(db, { ...base, role: 'owner' }, 't')).rejects.toMatchObject({
      code: 'ROLE_INVALID',
    });
    await expect(createUser(db, { ...base, tenant: 'nope' }, 't')).rejects.toMatchObject({
      code: 'TENANT_NOT_FOUND',
    });
  });
});
