/**
 * Listing routes over a domain table: filters, one sort key (plus the row id as tie-breaker),
 * keyset pagination with an opaque cursor (`nextCursor`), all in one SQL statement run in the
 * caller's tenant. A page never skips or repeats rows while rows are added, unlike offsets.
 */
import { z } from 'zod';
import { instant, PulseError } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { isCleanText } from './input-text.ts';
import { assertRange, defaultLimits, timeInput, withStatementTimeout, type ApiLimits } from './limits.ts';
import { route, type ApiRoute } from './route.ts';

export interface ListFilter {
  readonly schema: z.ZodType;
  /** The condition, given the SQL placeholder of the filter's value. */
  readonly where: (param: string) => string;
}

export interface ListSpec {
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** FROM clause; the listed table is `t`, with columns `id` and `tenant_id`. */
  readonly from: string;
  /** A json_build_object(…) of one item. */
  readonly item: string;
  readonly itemSchema: z.ZodType;
  /** Sort keys: a NOT NULL expression each, with its SQL type. */
  readonly sorts: Readonly<Record<string, { readonly expr: string; readonly type: 'timestamptz' | 'text' }>>;
  readonly defaultSort: string;
  readonly defaultOrder: 'asc' | 'desc';
  readonly filters: Readonly<Record<string, ListFilter>>;
}

/**
 * A cursor's parts: the ordering it was made for, the last row's sort key and its id. Every
 * part is checked, not just the shape: a forged value of the wrong type (a number for a
 * timestamp, a NUL in a text, an id beyond bigint) would otherwise fail inside SQL, a 500.
 */
const cursorValue = {
  timestamptz: instant,
  text: z.string().max(1000).refine(isCleanText),
} as const;
const cursorSchema = z.tuple([z.string(), z.unknown(), z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)]);

/** The cursor's sort key and row id; it must come from a page of the same sort and order. */
function decodeCursor(text: string, ordering: string, type: 'timestamptz' | 'text'): [string, number] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const [made, value, id] = cursorSchema.parse(decoded);
    if (made !== ordering) throw new Error('another ordering');
    return [cursorValue[type].parse(value), id];
  } catch {
    throw new PulseError('VALIDATION_FAILED', {
      message: 'query.cursor: not a cursor of this listing.',
      hint: 'Pass the nextCursor of the previous page unchanged, with the same sort and order.',
      path: 'query.cursor',
    });
  }
}

const encodeCursor = (ordering: string, value: unknown, id: number) =>
  Buffer.from(JSON.stringify([ordering, value, id])).toString('base64url');

export function listRoute(db: Db, spec: ListSpec, limits: ApiLimits = defaultLimits): ApiRoute {
  const bounded = withStatementTimeout(db, limits.reportTimeoutMs);
  const sortNames = Object.keys(spec.sorts) as [string, ...string[]];
  const query = z.strictObject({
    ...Object.fromEntries(Object.entries(spec.filters).map(([name, f]) => [name, f.schema.optional()])),
    sort: z.enum(sortNames).default(spec.defaultSort).describe('Sort key.'),
    order: z.enum(['asc', 'desc']).default(spec.defaultOrder),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200).'),
    cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
  });
  type Query = { sort: string; order: 'asc' | 'desc'; limit: number; cursor?: string } & Record<
    string,
    unknown
  >;
  return route<Query>({
    method: 'GET',
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    auth: 'viewer',
    query: query as unknown as z.ZodType<Query>,
    response: z.object({
      items: z.array(spec.itemSchema),
      nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last.'),
    }),
    handler: async ({ principal, query: q }) => {
      const sort = spec.sorts[q.sort]!;
      const params: unknown[] = [];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const where: string[] = [];
      for (const [name, filter] of Object.entries(spec.filters))
        if (q[name] !== undefined) where.push(filter.where(param(q[name])));
      // Both bounds given: the period is capped like a report's (one bound alone is no period).
      if (typeof q.from === 'string' && typeof q.to === 'string')
        assertRange(new Date(q.from), new Date(q.to), limits);
      const op = q.order === 'desc' ? '<' : '>';
      if (q.cursor !== undefined) {
        const [value, id] = decodeCursor(q.cursor, `${q.sort}:${q.order}`, sort.type);
        where.push(`(${sort.expr}, t.id) ${op} (${param(value)}::${sort.type}, ${param(id)}::bigint)`);
      }
      const sql = `SELECT t.id AS k_id, ${sort.expr} AS k_value, ${spec.item} AS item
        FROM ${spec.from}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${sort.expr} ${q.order}, t.id ${q.order}
        LIMIT ${param(q.limit + 1)}`;
      const result = await withTenant(bounded, principal.tenantId, (tx) =>
        tx.query<{ k_id: number; k_value: Date | string; item: unknown }>(sql, params),
      );
      const rows = result.rows.slice(0, q.limit);
      const last = rows.at(-1);
      const more = result.rows.length > q.limit && last !== undefined;
      const value = last?.k_value instanceof Date ? last.k_value.toISOString() : last?.k_value;
      return {
        items: rows.map((r) => r.item),
        nextCursor: more ? encodeCursor(`${q.sort}:${q.order}`, value, last.k_id) : null,
      };
    },
  });
}

/** Common filters. */
export const repositoryFilter: ListFilter = {
  schema: z.string().min(1).max(300).describe('A repository by owner/name or name.'),
  where: (p) => `(r.full_name = ${p} OR r.name = ${p})`,
};

export function timeFilters(expr: string): Record<string, ListFilter> {
  return {
    from: {
      schema: timeInput.describe(`Only items with ${expr} at or after this instant.`),
      where: (p) => `${expr} >= ${p}::timestamptz`,
    },
    to: {
      schema: timeInput.describe(`Only items with ${expr} before this instant.`),
      where: (p) => `${expr} < ${p}::timestamptz`,
    },
  };
}
