/**
 * Sweeps over EVERY operation of the OpenAPI document: each string field (path and query
 * parameters, request-body properties at any depth) gets a NUL, then a lone surrogate, one field
 * at a time, in an otherwise valid request; each date-time field gets year 0000. Every such
 * request is a 400 naming that field, and no request anywhere is a 5xx. A new route or field is
 * swept without a change here; a route without a sample (samples.ts) fails the first test.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { withTenant } from '@pulse/db';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { addRepository, apiFixture, bearer, type ApiFixture } from './fixture.ts';
import {
  addPerson,
  addViewer,
  callAsAdmin,
  deployment,
  gitConfig,
  samples,
  unique,
  type Ids,
} from './samples.ts';

type Json = Record<string, unknown>;
interface Operation {
  readonly method: string;
  /** OpenAPI path, `/api/v1/teams/{id}`. */
  readonly path: string;
  /** The route's name in samples.ts, `PATCH /teams/:id`. */
  readonly name: string;
  readonly role: string | undefined;
  readonly parameters: { name: string; in: 'path' | 'query'; schema: Json }[];
  readonly body: Json | undefined;
}

/** A field of a request: where it is, its path in the error (`body.items.0.title`), its schema. */
interface Field {
  readonly in: 'path' | 'query' | 'body';
  readonly name: string;
  readonly keys: readonly (string | number)[];
  readonly schema: Json;
}

function operations(document: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(document.paths as Record<string, Record<string, Json>>))
    for (const [method, op] of Object.entries(ops)) {
      const content = (op.requestBody as { content?: Record<string, { schema: Json }> } | undefined)?.content;
      out.push({
        method: method.toUpperCase(),
        path,
        name: `${method.toUpperCase()} ${path.slice('/api/v1'.length).replace(/\{(\w+)\}/g, ':$1')}`,
        role: op['x-pulse-role'] as string | undefined,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        body: content?.['application/json']?.schema,
      });
    }
  return out;
}

/** The schema's alternatives (anyOf/oneOf branches), itself included. */
function branches(schema: Json): Json[] {
  const alternatives = [...((schema.anyOf as Json[]) ?? []), ...((schema.oneOf as Json[]) ?? [])];
  return [schema, ...alternatives.flatMap(branches)];
}

const acceptsString = (schema: Json) =>
  branches(schema).some(
    (b) =>
      b.type === 'string' ||
      (Array.isArray(b.type) && b.type.includes('string')) ||
      (Array.isArray(b.enum) && b.enum.some((v) => typeof v === 'string')),
  );
const isDateTime = (schema: Json) => branches(schema).some((b) => b.format === 'date-time');

/** Every field of the body schema, depth first; an array's items are its element 0. */
function bodyFields(schema: Json, keys: (string | number)[] = [], depth = 0): Field[] {
  if (depth > 8) return [];
  const out: Field[] = [];
  if (keys.length > 0) out.push({ in: 'body', name: keys.join('.'), keys, schema });
  const seen = new Set<string>();
  for (const b of branches(schema)) {
    for (const [name, sub] of Object.entries((b.properties as Record<string, Json>) ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(...bodyFields(sub, [...keys, name], depth + 1));
    }
    if (b.type === 'array' && b.items !== undefined && !seen.has('[]')) {
      seen.add('[]');
      out.push(...bodyFields(b.items as Json, [...keys, 0], depth + 1));
    }
  }
  return out;
}

function fields(op: Operation): Field[] {
  return [
    ...op.parameters.map((p) => ({ in: p.in, name: p.name, keys: [p.name], schema: p.schema }) as Field),
    ...(op.body === undefined ? [] : bodyFields(op.body)),
  ];
}

/** `payload` with the value at `keys` replaced, intermediate objects and arrays created. */
function setAt(payload: unknown, keys: readonly (string | number)[], value: unknown): unknown {
  const root = structuredClone(payload ?? {}) as Json;
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [{}] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}

describeEachDb('API input sweep over the OpenAPI document', (handle) => {
  let f: ApiFixture;
  let ops: Operation[] = [];
  let ids: Ids;
  beforeAll(async () => {
    f = await apiFixture(handle, 'sweep');
    await addRepository(handle.db, 'push', [f.tenants.a.id]);
    const admin = (method: 'POST' | 'GET', url: string, payload?: object) =>
      callAsAdmin(f, method, url, payload);
    const person = (name: string) => addPerson(f, handle.db, name);
    await admin('POST', '/deployments', deployment('sweep-0'));
    const integrationId = (
      await admin('POST', '/integrations', { kind: 'git', name: 'sweep', config: gitConfig })
    ).id as number;
    ids = {
      keyId: (await admin('POST', '/api-keys', { name: 'sweep', scopes: ['read'] })).id,
      deploymentId: await withTenant(handle.db, f.tenants.a.id, (tx) =>
        tx.query<{ id: number }>("select id from deployments where external_id = 'sweep-0'"),
      ).then((r) => r.rows[0]!.id),
      integrationId,
      runId: (await admin('POST', `/integrations/${integrationId}/sync`, {})).run.id,
      userId: await addViewer(f, handle.db),
      teamId: (await admin('POST', '/teams', { name: `Sweep ${unique()}` })).id,
      personId: await person('Sweep P'),
      otherPersonId: await person('Sweep Q'),
      jiraId: integrationId,
    };
    const res = await f.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    ops = operations(res.json());
  });
  afterAll(() => f?.close());

  /** The sample request of `op` with one field set to `value` (path parameters URL-encoded). */
  function request(op: Operation, field: Field | null, value: unknown): InjectOptions {
    const sample = samples(f, ids)[op.name];
    if (sample === undefined) throw new Error(`no sample request for ${op.name}`);
    const template = op.path.split('/');
    const actual = (typeof sample.url === 'string' ? sample.url : op.path).split('/');
    const url = template
      .map((segment, i) => {
        const param = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (param === undefined) return segment;
        return field?.in === 'path' && field.name === param ? encodeURIComponent(String(value)) : actual[i];
      })
      .join('/');
    const query = { ...(sample.query as Record<string, string> | undefined) };
    if (field?.in === 'query') query[field.name] = String(value);
    const payload = field?.in === 'body' ? setAt(sample.payload, field.keys, value) : sample.payload;
    const token = op.role === undefined ? null : op.role === 'operator' ? f.tokens.operator : f.tokens.admin;
    return {
      method: op.method as 'GET',
      url,
      query,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: token === null ? {} : bearer(token),
    };
  }

  it('covers every operation, with string fields found in most of them', () => {
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) expect(samples(f, ids)[op.name], op.name).toBeDefined();
    const swept = ops.flatMap((op) => fields(op).filter((field) => acceptsString(field.schema)));
    // Spot checks that the walk reaches parameters, nested bodies and array items.
    const names = swept.map((s) => `${s.in}.${s.name}`);
    expect(names).toContain('query.environment');
    expect(names).toContain('path.id');
    expect(names).toContain('body.items.0.externalId');
    expect(names).toContain('body.repository.fullName');
  });

  it('a NUL, then a lone surrogate, in any string field is a 400 naming the field', async () => {
    let count = 0;
    for (const op of ops)
      for (const field of fields(op)) {
        // Query and path parameters arrive as text whatever their declared type.
        if (field.in === 'body' && !acceptsString(field.schema)) continue;
        const variants = field.in === 'body' ? ['a\u0000b', 'a\ud800b'] : ['a\u0000b'];
        for (const value of variants) {
          const res = await f.app.inject(request(op, field, value));
          const label = `${op.name} ${field.in}.${field.name}=${JSON.stringify(value)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, label).toBe(400);
          const where = field.in === 'path' ? 'params' : field.in;
          expect(res.json().error, label).toMatchObject({
            code: 'VALIDATION_FAILED',
            path: `${where}.${field.name}`,
          });
          count += 1;
        }
      }
    expect(count).toBeGreaterThan(150);
  });

  it('a NUL in the Authorization header is a 400, on every authenticated route', async () => {
    for (const op of ops.filter((o) => o.role !== undefined)) {
      const res = await f.app.inject({
        ...request(op, null, null),
        headers: { authorization: 'Bearer a\u0000b' },
      });
      expect(res.statusCode, op.name).toBe(400);
      expect(res.json().error.path, op.name).toBe('headers.authorization');
    }
  });

  it('year 0000 in any date-time field is a 400 naming the field, never a 5xx', async () => {
    const seen: string[] = [];
    for (const op of ops)
      for (const field of fields(op).filter((x) => isDateTime(x.schema))) {
        for (const value of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '10000-01-01T00:00:00Z']) {
          const res = await f.app.inject(request(op, field, value));
          const label = `${op.name} ${field.in}.${field.name}=${value}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, label).toBe(400);
          expect(res.json().error, label).toMatchObject({
            code: 'VALIDATION_FAILED',
            path: `${field.in}.${field.name}`,
          });
        }
        // The sample itself is accepted: the 400s above are the field's, not auth's or the shape's.
        const fine = await f.app.inject(request(op, null, null));
        expect(fine.statusCode, `${op.name}: ${fine.body.slice(0, 200)}`).toBeLessThan(300);
        seen.push(`${op.name} ${field.in}.${field.name}`);
      }
    // The date-time fields of pushes, listings, metrics, API keys and team history are all swept.
    for (const name of [
      'POST /deployments body.finishedAt',
      'POST /incidents/batch body.items.0.startedAt',
      'GET /deployments query.from',
      'GET /metrics/dora query.to',
      'POST /api-keys body.expiresAt',
    ])
      expect(seen).toContain(name);
  });
  it('numbers beyond any column in numeric body fields are never a 5xx', async () => {
    const answers: string[] = [];
    const numeric = (field: Field) =>
      field.in === 'body' && branches(field.schema).some((b) => b.type === 'integer' || b.type === 'number');
    for (const op of ops)
      for (const field of fields(op).filter(numeric))
        for (const value of [1e20, -1e20, 2 ** 31]) {
          const res = await f.app.inject(request(op, field, value));
          answers.push(`${op.name} ${field.name}=${value}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((a) => / 5\d\d /.test(a))).toEqual([]);
  });
});
