/**
 * Administration through the API: tenant branding, users and roles (a tenant always keeps an
 * admin), preferences, teams with membership history and owned repositories, people and merges,
 * operator tenant management, and changing an integration. Another tenant sees none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { addRepository, apiFixture, bearer, type ApiFixture } from './fixture.ts';

describeEachDb('API administration', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'admin');
    await addRepository(handle.db, 'shop', [f.tenants.a.id, f.tenants.b.id]);
    await addRepository(handle.db, 'web', [f.tenants.a.id]);
  });
  afterAll(() => f?.close());

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const call = (method: Method, url: string, payload?: unknown, token = f.tokens.admin) =>
    f.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const login = (email: string, pass: string, tenant = f.tenants.a.slug) =>
    f.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pass, tenant } });
  const redeem = (code: string, pass: string, displayName?: string) =>
    f.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/redeem',
      payload: { code, password: pass, ...(displayName === undefined ? {} : { displayName }) },
    });
  const person = async (tenantId: string, name: string, identity?: { source: string; login: string }) =>
    withTenant(handle.db, tenantId, async (tx) => {
      const id = (
        await tx.query<{ id: number }>(
          'insert into people (tenant_id, display_name) values ($1, $2) returning id',
          [tenantId, name],
        )
      ).rows[0]!.id;
      if (identity)
        await tx.query(
          'insert into identities (tenant_id, person_id, source, external_id, login) values ($1, $2, $3, $4, $4)',
          [tenantId, id, identity.source, identity.login],
        );
      return id;
    });

  describe('tenant and preferences', () => {
    it('shows and changes the branding; null clears; bad values are 400s naming the field', async () => {
      expect((await call('GET', '/tenant', undefined, f.tokens.viewer)).json()).toMatchObject({
        slug: f.tenants.a.slug,
        branding: { logoUrl: null, primaryColor: null },
      });
      const logo = `data:image/png;base64,${Buffer.from('png').toString('base64')}`;
      const changed = await call('PATCH', '/tenant', {
        name: 'Acme Corp',
        branding: { primaryColor: '#1F6FEB', logoUrl: logo },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        name: 'Acme Corp',
        branding: { primaryColor: '#1F6FEB', logoUrl: logo },
      });

      const color = await call('PATCH', '/tenant', { branding: { primaryColor: 'red' } });
      expect(color.statusCode).toBe(400);
      expect(color.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        path: 'body.branding.primaryColor',
      });
      const script = await call('PATCH', '/tenant', { branding: { logoUrl: 'javascript:alert(1)' } });
      expect(script.json().error.path).toBe('body.branding.logoUrl');
      const huge = await call('PATCH', '/tenant', {
        branding: { logoUrl: `data:image/png;base64,${'A'.repeat(200_000)}` },
      });
      expect(huge.statusCode).toBe(400);

      const cleared = await call('PATCH', '/tenant', { branding: { logoUrl: null } });
      expect(cleared.json().branding).toEqual({ logoUrl: null, primaryColor: '#1F6FEB' });
      // The viewer's /me carries it; tenant B's is untouched.
      expect((await call('GET', '/me', undefined, f.tokens.viewer)).json().tenant.branding.primaryColor).toBe(
        '#1F6FEB',
      );
      expect((await call('GET', '/tenant', undefined, f.tokens.other)).json()).toMatchObject({
        slug: f.tenants.b.slug,
        branding: { primaryColor: null },
      });
      expect((await call('PATCH', '/tenant', { name: 'x' }, f.tokens.member)).statusCode).toBe(403);
    });

    it("keeps each user's theme; API keys have none", async () => {
      expect((await call('GET', '/me', undefined, f.tokens.viewer)).json().preferences).toEqual({
        theme: 'system',
      });
      const dark = await call('PATCH', '/me/preferences', { theme: 'dark' }, f.tokens.viewer);
      expect(dark.json()).toEqual({ theme: 'dark' });
      expect((await call('GET', '/me', undefined, f.tokens.viewer)).json().preferences).toEqual({
        theme: 'dark',
      });
      expect((await call('GET', '/me', undefined, f.tokens.member)).json().preferences).toEqual({
        theme: 'system',
      });
      const bad = await call('PATCH', '/me/preferences', { theme: 'pink' }, f.tokens.viewer);
      expect(bad.json().error.path).toBe('body.theme');
      // An operator visiting a tenant it does not belong to keeps its own preferences too.
      expect((await call('PATCH', '/me/preferences', { theme: 'light' }, f.tokens.operator)).json()).toEqual({
        theme: 'light',
      });
      expect((await call('GET', '/me', undefined, f.tokens.operator)).json().preferences).toEqual({
        theme: 'light',
      });
    });
  });

  describe('users and roles', () => {
    it('invites a new e-mail; redeeming the code creates the account, which logs in', async () => {
      const invited = await call('POST', '/users', { email: 'New.Person@a.example', role: 'viewer' });
      expect(invited.statusCode, invited.body).toBe(202);
      const { invitation, code } = invited.json();
      expect(invitation).toMatchObject({ email: 'new.person@a.example', role: 'viewer' });
      expect(code).toMatch(/^pulse_inv_/);
      // Not a member until the invitation is redeemed.
      const before = (await call('GET', '/users')).json().items.map((u: { email: string }) => u.email);
      expect(before).not.toContain('new.person@a.example');
      const redeemed = await redeem(code, 'a long new password', 'New Person');
      expect(redeemed.statusCode, redeemed.body).toBe(201);
      expect(redeemed.json()).toMatchObject({ email: 'new.person@a.example', role: 'viewer' });
      expect((await login('new.person@a.example', 'a long new password')).statusCode).toBe(200);
      const listed = (await call('GET', '/users')).json().items;
      expect(listed).toContainEqual(
        expect.objectContaining({ email: 'new.person@a.example', displayName: 'New Person' }),
      );
      // A code works once.
      expect((await redeem(code, 'another long password')).json().error.code).toBe('INVITATION_INVALID');
      const again = await call('POST', '/users', { email: 'new.person@a.example', role: 'admin' });
      expect(again.json().error.code).toBe('USER_ALREADY_MEMBER');
    });

    it('changes roles, refuses to leave the tenant without an admin, and removal ends access', async () => {
      const users = (await call('GET', '/users')).json().items as {
        id: string;
        email: string;
        role: string;
      }[];
      const admin = users.find((u) => u.email === f.emails.admin)!;
      const demote = await call('PATCH', `/users/${admin.id}`, { role: 'member' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().error).toMatchObject({ code: 'LAST_ADMIN', hint: expect.any(String) });
      expect((await call('DELETE', `/users/${admin.id}`)).json().error.code).toBe('LAST_ADMIN');

      const { code } = (await call('POST', '/users', { email: 'leaver@a.example', role: 'member' })).json();
      expect((await redeem(code, 'leaver password 1')).statusCode).toBe(201);
      const added = (await call('GET', '/users'))
        .json()
        .items.find((u: { email: string }) => u.email === 'leaver@a.example');
      const token = (await login('leaver@a.example', 'leaver password 1')).json().accessToken as string;
      expect((await call('GET', '/me', undefined, token)).statusCode).toBe(200);
      const promoted = await call('PATCH', `/users/${added.id}`, { role: 'admin' });
      expect(promoted.json().role).toBe('admin');
      expect((await call('GET', '/users', undefined, token)).statusCode).toBe(200);
      expect((await call('DELETE', `/users/${added.id}`)).statusCode).toBe(204);
      expect((await call('GET', '/me', undefined, token)).statusCode).toBe(401);
      expect((await call('PATCH', `/users/not-a-uuid`, { role: 'admin' })).statusCode).toBe(404);
    });

    it("tenant B's admin sees only B's users and cannot change A's", async () => {
      const mine = (await call('GET', '/users', undefined, f.tokens.other)).json().items as {
        email: string;
      }[];
      expect(mine.map((u) => u.email)).not.toContain(f.emails.viewer);
      const aUsers = (await call('GET', '/users')).json().items as { id: string; email: string }[];
      const viewer = aUsers.find((u) => u.email === f.emails.viewer)!;
      expect((await call('PATCH', `/users/${viewer.id}`, { role: 'admin' }, f.tokens.other)).statusCode).toBe(
        404,
      );
      expect((await call('DELETE', `/users/${viewer.id}`, undefined, f.tokens.other)).statusCode).toBe(404);
    });
  });

  describe('teams and people', () => {
    it('creates teams with keys, refuses taken keys and cycles, and owns repositories', async () => {
      const platform = await call('POST', '/teams', { name: 'Platform Team' });
      expect(platform.statusCode, platform.body).toBe(201);
      expect(platform.json()).toMatchObject({
        name: 'Platform Team',
        externalId: 'platform-team',
        members: 0,
        repositories: [],
      });
      const child = (
        await call('POST', '/teams', { name: 'Infra', key: 'infra', parentId: platform.json().id })
      ).json();
      expect(child.parentId).toBe(platform.json().id);
      expect((await call('POST', '/teams', { name: 'Other', key: 'infra' })).json().error.code).toBe(
        'TEAM_KEY_TAKEN',
      );
      const cycle = await call('PATCH', `/teams/${platform.json().id}`, { parentId: child.id });
      expect(cycle.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'body.parentId' });
      expect((await call('PATCH', `/teams/${child.id}`, { parentId: 999999 })).json().error.path).toBe(
        'body.parentId',
      );

      const owned = await call('PUT', `/teams/${child.id}/repositories`, {
        repositories: ['acme/web', 'acme/shop'],
      });
      expect(owned.json().repositories).toEqual(['acme/shop', 'acme/web']);
      const unknown = await call('PUT', `/teams/${child.id}/repositories`, { repositories: ['acme/nope'] });
      expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'body.repositories' });
      expect(
        (await call('GET', `/teams`, undefined, f.tokens.viewer))
          .json()
          .items.map((t: { name: string }) => t.name),
      ).toEqual(['Infra', 'Platform Team']);
      // The metrics accept the team's key.
      const dora = await call(
        'GET',
        '/metrics/dora?team=infra&from=2026-01-01&to=2026-02-01',
        undefined,
        f.tokens.viewer,
      );
      expect(dora.statusCode, dora.body).toBe(200);
      // Tenant B sees no team of A, and cannot touch one.
      expect((await call('GET', '/teams', undefined, f.tokens.other)).json().items).toEqual([]);
      expect((await call('DELETE', `/teams/${child.id}`, undefined, f.tokens.other)).statusCode).toBe(404);
      expect(
        (
          await call(
            'PUT',
            `/teams/${child.id}/repositories`,
            { repositories: ['acme/shop'] },
            f.tokens.other,
          )
        ).statusCode,
      ).toBe(404);
    });

    it('keeps membership history: removing a member ends the membership', async () => {
      const team = (await call('POST', '/teams', { name: 'Payments' })).json();
      const ada = await person(f.tenants.a.id, 'Ada Lovelace');
      const joined = await call('POST', `/teams/${team.id}/members`, {
        personId: ada,
        from: '2026-01-01T00:00:00Z',
        role: 'lead',
      });
      expect(joined.statusCode, joined.body).toBe(201);
      expect(joined.json()).toMatchObject({ personId: ada, role: 'lead', validTo: null });
      expect((await call('POST', `/teams/${team.id}/members`, { personId: ada })).json().error.code).toBe(
        'TEAM_MEMBER_EXISTS',
      );
      const foreign = await person(f.tenants.b.id, 'Bob of B');
      expect((await call('POST', `/teams/${team.id}/members`, { personId: foreign })).json().error.code).toBe(
        'PERSON_NOT_FOUND',
      );
      expect((await call('GET', `/teams/${team.id}/members`)).json().items).toHaveLength(1);

      expect((await call('DELETE', `/teams/${team.id}/members/${ada}`)).statusCode).toBe(204);
      expect((await call('DELETE', `/teams/${team.id}/members/${ada}`)).statusCode).toBe(404);
      expect((await call('GET', `/teams/${team.id}/members`)).json().items).toEqual([]);
      const history = (await call('GET', `/teams/${team.id}/members?history=true`)).json().items;
      expect(history).toHaveLength(1);
      expect(history[0].validTo).not.toBeNull();
    });

    it('lists people with identities and merges two into one', async () => {
      const web = await person(f.tenants.a.id, 'Grace Hopper', { source: 'github', login: 'ghopper' });
      const mail = await person(f.tenants.a.id, 'G. Hopper', { source: 'git', login: 'grace@navy.example' });
      const found = (await call('GET', '/people?q=hopper', undefined, f.tokens.viewer)).json().items;
      expect(found.map((p: { id: number }) => p.id).sort()).toEqual([web, mail].sort());
      expect(found.find((p: { id: number }) => p.id === web).identities).toMatchObject([
        { source: 'github', login: 'ghopper' },
      ]);

      expect((await call('POST', `/people/${web}/merge`, { from: mail }, f.tokens.other)).statusCode).toBe(
        404,
      );
      const merged = await call('POST', `/people/${web}/merge`, { from: mail });
      expect(merged.json()).toMatchObject({ into: web, from: mail, identities: 1 });
      const after = (await call('GET', '/people?q=hopper')).json().items;
      expect(after).toHaveLength(1);
      expect(after[0].identities.map((i: { source: string }) => i.source).sort()).toEqual(['git', 'github']);
      expect((await call('POST', `/people/${web}/merge`, { from: web })).statusCode).toBe(400);
      expect(
        (await call('GET', '/people', undefined, f.tokens.other))
          .json()
          .items.map((p: { displayName: string }) => p.displayName),
      ).not.toContain('Grace Hopper');
    });
  });

  describe('operators and integrations', () => {
    it('shows and changes Jira mappings; stored work items follow at once; settings changes keep them', async () => {
      const jira = await call('POST', '/integrations', {
        kind: 'jira',
        name: 'jira-map',
        config: {
          baseUrl: 'https://acme.atlassian.net',
          email: 'bot@acme.example',
          projects: { keys: ['PROJ'] },
        },
        secrets: { token: 'jira-token-0123456789' },
      });
      expect(jira.statusCode, jira.body).toBe(201);
      const id = jira.json().id as number;
      await withTenant(handle.db, f.tenants.a.id, async (tx) => {
        for (const [n, status, category, type, kind] of [
          [1, 'In Review', 'in_progress', 'Story', 'feature'],
          [2, 'In Review', 'in_progress', 'Bug', 'defect'],
          [3, 'Done', 'done', 'Spike', 'other'],
        ] as const)
          await tx.query(
            `insert into work_items (tenant_id, integration_id, source, external_id, key, title, kind, type_name,
               status, status_category, created_at, updated_at)
             values ($1, $2, 'jira', $3, $4, 'Work', $5, $6, $7, $8, now(), now())`,
            [f.tenants.a.id, id, `acme:${n}`, `PROJ-${n}`, kind, type, status, category],
          );
      });
      const shown = await call('GET', `/integrations/${id}/mappings`, undefined, f.tokens.viewer);
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json().statuses).toContainEqual({
        source: 'In Review',
        category: 'in_progress',
        origin: 'default',
        items: 2,
      });

      const changed = await call('PATCH', `/integrations/${id}/mappings`, {
        statuses: [{ source: 'In Review', category: 'waiting' }],
        types: [{ source: 'Spike', kind: 'debt' }],
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().mappings.statuses).toContainEqual({
        source: 'In Review',
        category: 'waiting',
        origin: 'set',
        items: 2,
      });
      const stored = await withTenant(handle.db, f.tenants.a.id, (tx) =>
        tx.query<{ key: string; status_category: string; kind: string }>(
          'select key, status_category, kind from work_items where integration_id = $1 order by key',
          [id],
        ),
      );
      expect(stored.rows).toEqual([
        { key: 'PROJ-1', status_category: 'waiting', kind: 'feature' },
        { key: 'PROJ-2', status_category: 'waiting', kind: 'defect' },
        { key: 'PROJ-3', status_category: 'done', kind: 'debt' },
      ]);
      // New settings without `mappings` keep the mappings.
      const settings = await call('PATCH', `/integrations/${id}`, {
        config: {
          baseUrl: 'https://acme.atlassian.net',
          email: 'bot@acme.example',
          projects: { keys: ['PROJ', 'OPS'] },
        },
      });
      expect(settings.json().config.mappings).toEqual({
        statuses: { 'In Review': 'waiting' },
        types: { Spike: 'debt' },
      });

      const bad = await call('PATCH', `/integrations/${id}/mappings`, {
        statuses: [{ source: 'Done', category: 'finished' }],
      });
      expect(bad.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        path: expect.stringContaining('body.statuses'),
      });
      expect(
        (await call('PATCH', `/integrations/${id}/mappings`, { statuses: [] }, f.tokens.member)).statusCode,
      ).toBe(403);
      expect((await call('GET', `/integrations/${id}/mappings`, undefined, f.tokens.other)).statusCode).toBe(
        404,
      );
      const git = await call('POST', '/integrations', {
        kind: 'git',
        name: 'git-map',
        config: { repositories: [{ path: '.', name: 'acme/x' }] },
      });
      expect((await call('GET', `/integrations/${git.json().id}/mappings`)).json().error.code).toBe(
        'INTEGRATION_MAPPINGS_UNSUPPORTED',
      );
    });

    it('lets operators list and create tenants, and nobody else', async () => {
      const listed = (await call('GET', '/tenants', undefined, f.tokens.operator)).json().items as {
        slug: string;
      }[];
      expect(listed.map((t) => t.slug)).toEqual(expect.arrayContaining([f.tenants.a.slug, f.tenants.b.slug]));
      const created = await call(
        'POST',
        '/tenants',
        { slug: 'newco-admin', name: 'NewCo' },
        f.tokens.operator,
      );
      expect(created.statusCode, created.body).toBe(201);
      expect(
        (await call('POST', '/tenants', { slug: 'newco-admin' }, f.tokens.operator)).json().error.code,
      ).toBe('TENANT_SLUG_TAKEN');
      expect(
        (await call('POST', '/tenants', { slug: 'Bad Slug' }, f.tokens.operator)).json().error.code,
      ).toBe('TENANT_SLUG_INVALID');
      expect((await call('GET', '/tenants', undefined, f.tokens.admin)).statusCode).toBe(403);
    });

    it('changes an integration only when everything given is valid; credentials never come back', async () => {
      const added = await call('POST', '/integrations', {
        kind: 'github',
        name: 'gh-patch',
        config: { repositories: { org: 'acme' } },
        secrets: { token: 'ghp_firstTokenValue1234567890abcdefABCD' },
      });
      const id = added.json().id as number;
      const bad = await call('PATCH', `/integrations/${id}`, {
        config: { repositories: 42 },
        syncIntervalMinutes: 5,
      });
      expect(bad.json().error.code).toBe('INTEGRATION_CONFIG_INVALID');
      expect(
        (await call('GET', '/integrations')).json().items.find((i: { id: number }) => i.id === id)
          .syncIntervalSeconds,
      ).toBe(3600);

      const changed = await call('PATCH', `/integrations/${id}`, {
        config: { repositories: { org: 'acme-two' } },
        secrets: { token: 'ghp_secondTokenValue1234567890abcdefABC' },
        syncIntervalMinutes: 15,
        enabled: false,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        config: { repositories: { org: 'acme-two' } },
        syncIntervalSeconds: 900,
        enabled: false,
        hasSecrets: true,
      });
      expect(changed.body).not.toContain('ghp_second');
      expect(
        (await call('PATCH', `/integrations/${id}`, { syncIntervalMinutes: 1 }, f.tokens.member)).statusCode,
      ).toBe(403);
      expect((await call('PATCH', `/integrations/${id}`, { enabled: true }, f.tokens.other)).statusCode).toBe(
        404,
      );
      expect((await call('PATCH', `/integrations/${id}`, { colour: 'red' })).json().error.path).toBe('body');
    });
  });
});
