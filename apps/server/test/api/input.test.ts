/**
 * Bad input on the API's edges, and the OpenAPI document: it validates against the OpenAPI 3.1
 * schema and lists every declared route with its method.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, silentLog, type ApiFixture } from './fixture.ts';
import { apiRoutes } from '@pulse/server';

describeEachDb('API input and OpenAPI', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'input');
  });
  afterAll(() => f?.close());

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    f.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('unknown fields, wrong types and missing fields are 400s naming the field', async () => {
    const cases: [object, string][] = [
      [{ email: 'a@b.example', password: 'x', admin: true }, 'body'],
      [{ email: 42, password: 'x' }, 'body.email'],
      [{ password: 'x' }, 'body.email'],
    ];
    for (const [payload, path] of cases) {
      const res = await post('/api/v1/auth/login', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path });
    }
    const key = await post('/api/v1/api-keys', { name: 'k', scopes: ['root'] }, bearer(f.tokens.admin));
    expect(key.statusCode).toBe(400);
    expect(key.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'body.scopes.0' });
  });

  it('malformed JSON and oversized bodies are 400/413 with the error body', async () => {
    const malformed = await post('/api/v1/auth/login', '{"email": "a@b.example",');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    const huge = await post(
      '/api/v1/auth/login',
      JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2_000_000) }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('bad metric parameters are 400s; an unknown team is a 404', async () => {
    const get = (query: Record<string, string>) =>
      f.app.inject({ method: 'GET', url: '/api/v1/metrics/dora', query, headers: bearer(f.tokens.viewer) });
    const granularity = await get({ granularity: 'year' });
    expect(granularity.statusCode).toBe(400);
    expect(granularity.json().error.path).toBe('query.granularity');
    const unknown = await get({ colour: 'blue' });
    expect(unknown.statusCode).toBe(400);
    const from = await get({ from: 'last tuesday' });
    expect(from.statusCode).toBe(400);
    expect(from.json().error.code).toBe('VALIDATION_FAILED');
    const team = await get({ team: 'nope' });
    expect(team.statusCode).toBe(404);
    expect(team.json().error.code).toBe('TEAM_NOT_FOUND');
  });

  it('the Authorization header must be a bearer token', async () => {
    const res = await f.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Basic YTpi' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'AUTH_REQUIRED',
      hint: expect.stringContaining('Bearer'),
    });
  });

  it('serves an OpenAPI 3.1 document that validates and lists every route', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const routes = apiRoutes({ db: undefined as never, keyring: f.keyring, log: silentLog });
    const listed = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(
      routes.map((r) => `${r.method} /api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`).sort(),
    );
    const docs = await f.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.body).toContain('/api/v1/openapi.json');
  });
});
