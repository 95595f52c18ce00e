/**
 * What the writers of one page share: the transaction, the identity ids of the page's actors,
 * cached repository look-ups and the records whose references could not be resolved.
 */
import type { Actor, RecordOf, RecordRef, RecordType, RepositoryRef } from '@pulse/core';
import type { Tx } from '@pulse/db';
import { jsonRows, replaceChildrenSql, upsertSql, type ChildSpec, type UpsertSpec } from './sql.ts';
import type { UnresolvedRecord, WriteContext } from './types.ts';

export interface Item<T extends RecordType> {
  readonly record: RecordOf<T>;
  /** Position in the writer's input, for reporting. */
  readonly index: number;
}

/** A reference (source defaults to the referring record's) as `source/externalId`. */
export function refKey(ref: RecordRef, defaultSource: string): string {
  return entityKey(ref.source ?? defaultSource, ref.externalId);
}

export function entityKey(source: string, externalId: string): string {
  return `${source}/${externalId}`;
}

/** What a page wrote that derived data depends on (sprint scope, pull request links). */
export interface Touched {
  /** `source/externalId` of every work item, sprint and pull request of the page. */
  readonly workItems: string[];
  readonly sprints: string[];
  readonly pullRequests: string[];
  /** Work items whose transitions changed. */
  readonly workItemIds: number[];
  /** Shas of the page's commits (their messages may name issue keys). */
  readonly commitShas: string[];
  /** Repositories of the page (incidents naming them as a service get linked). */
  readonly repositoryIds: number[];
}

export class Page {
  readonly unresolved: UnresolvedRecord[] = [];
  readonly touched: Touched = {
    workItems: [],
    sprints: [],
    pullRequests: [],
    workItemIds: [],
    commitShas: [],
    repositoryIds: [],
  };
  /** Identity id per `source/externalId` of every actor of the page. */
  identities = new Map<string, number>();
  /** Git repository externalId → fullName, from the page's git repository records. */
  readonly gitAliases = new Map<string, string>();
  private readonly repositoryCache = new Map<string, number | null>();

  constructor(
    readonly tx: Tx,
    readonly ctx: WriteContext,
  ) {}

  identity(actor: Actor | undefined): number | null {
    if (actor === undefined) return null;
    const id = this.identities.get(entityKey(actor.source, actor.externalId));
    if (id === undefined) throw new Error(`identity of ${actor.source}/${actor.externalId} was not written`);
    return id;
  }

  /** Notes that `item` names something not stored; the record is left out of the page. */
  unknown<T extends RecordType>(type: T, item: Item<T>, path: string, reference: string): null {
    this.unresolved.push({
      index: item.index,
      type,
      record: describeRecord(type, item.record),
      path,
      reference,
    });
    return null;
  }

  /**
   * Resolves repository references: by (source, externalId); a git reference not found that way
   * falls back to the full name (the git connector's externalId is the full name, and a git
   * repository may have met a hosted one of the same full name); `{fullName}` prefers the row the
   * page's own integration wrote (two integrations may each sync a different repository of the
   * same name, e.g. on github.com and on a GitHub Enterprise server: their records must not meet),
   * then hosted rows.
   */
  async repositories(refs: Iterable<readonly [RepositoryRef, string]>): Promise<void> {
    const wanted = new Map<string, object>();
    for (const [ref, source] of refs) {
      const key = repositoryKey(ref, source);
      if (this.repositoryCache.has(key) || wanted.has(key)) continue;
      if ('fullName' in ref) wanted.set(key, { k: key, full_name: ref.fullName });
      else {
        const refSource = ref.source ?? source;
        const fallback = refSource === 'git' ? (this.gitAliases.get(ref.externalId) ?? ref.externalId) : null;
        wanted.set(key, { k: key, source: refSource, external_id: ref.externalId, full_name: fallback });
      }
    }
    if (wanted.size === 0) return;
    const columns = [
      ['k', 'text'],
      ['source', 'text'],
      ['external_id', 'text'],
      ['full_name', 'text'],
    ] as const;
    const result = await this.tx.query<{ k: string; id: number }>(
      `SELECT x.k, r.id FROM ${jsonRows(2, columns)}
       CROSS JOIN LATERAL (
         SELECT id FROM repositories r
         WHERE r.tenant_id = $1
           AND ((r.source = x.source AND r.external_id = x.external_id) OR r.full_name = x.full_name)
         ORDER BY (r.source = x.source AND r.external_id = x.external_id) IS TRUE DESC,
           (r.integration_id = $3) IS TRUE DESC, r.source = 'git', r.id
         LIMIT 1) r`,
      [this.ctx.tenantId, JSON.stringify([...wanted.values()]), this.ctx.integrationId],
    );
    for (const key of wanted.keys()) this.repositoryCache.set(key, null);
    for (const row of result.rows) this.repositoryCache.set(row.k, row.id);
  }

  /** The id of a repository resolved by `repositories()` (undefined: not stored). */
  repository(ref: RepositoryRef, source: string): number | undefined {
    return this.repositoryCache.get(repositoryKey(ref, source)) ?? undefined;
  }

  /** Ids of rows of `table` by natural key, keyed by `source/externalId`. */
  async lookup(table: string, keys: Iterable<string>): Promise<Map<string, number>> {
    const rows = [...new Set(keys)].map((key) => {
      const slash = key.indexOf('/');
      return { source: key.slice(0, slash), external_id: key.slice(slash + 1) };
    });
    if (rows.length === 0) return new Map();
    const result = await this.tx.query<{ source: string; external_id: string; id: number }>(
      `SELECT t.source, t.external_id, t.id FROM ${jsonRows(2, [
        ['source', 'text'],
        ['external_id', 'text'],
      ])}
       JOIN ${table} t ON t.tenant_id = $1 AND t.source = x.source AND t.external_id = x.external_id`,
      [this.ctx.tenantId, JSON.stringify(rows)],
    );
    return new Map(result.rows.map((row) => [entityKey(row.source, row.external_id), row.id]));
  }

  /** Runs an upsert of `rows`; returns the keys of the rows inserted or changed. */
  async upsert(sql: string, rows: readonly object[]): Promise<Set<string>> {
    return new Set((await this.upsertRows(sql, rows)).keys());
  }

  /** As `upsert`, telling inserted rows (true) from changed ones (false). */
  async upsertRows(sql: string, rows: readonly object[]): Promise<Map<string, boolean>> {
    if (rows.length === 0) return new Map();
    const result = await this.tx.query<{ key: string; inserted?: boolean }>(sql, [
      this.ctx.tenantId,
      JSON.stringify(rows),
    ]);
    return new Map(result.rows.map((row) => [row.key, row.inserted === true]));
  }

  /** Replaces the children of `parents` by `rows`; returns the keys of parents that changed. */
  async replaceChildren(
    sql: string,
    parents: readonly object[],
    rows: readonly object[],
  ): Promise<Set<string>> {
    if (parents.length === 0) return new Set();
    const result = await this.tx.query<{ key: string }>(sql, [
      this.ctx.tenantId,
      JSON.stringify(parents),
      JSON.stringify(rows),
    ]);
    return new Set(result.rows.map((row) => row.key));
  }
}

export { upsertSql, replaceChildrenSql, type ChildSpec, type UpsertSpec };

function repositoryKey(ref: RepositoryRef, source: string): string {
  return 'fullName' in ref ? `name:${ref.fullName}` : `key:${refKey(ref, source)}`;
}

/** A short human name of a record for error messages: `review github/R_1`, `commit 3f2a…`. */
export function describeRecord(type: RecordType, record: RecordOf<RecordType>): string {
  if ('externalId' in record && 'source' in record) return `${type} ${record.source}/${record.externalId}`;
  if (record.type === 'commit') return `commit ${record.sha}`;
  if (record.type === 'ref') return `${record.kind} ${record.name}`;
  return type;
}

/** Keeps the last row per key: ON CONFLICT cannot touch one row twice in a statement. */
export function latest<R>(rows: Iterable<R>, key: (row: R) => string): R[] {
  const map = new Map<string, R>();
  for (const row of rows) {
    const k = key(row);
    map.delete(k);
    map.set(k, row);
  }
  return [...map.values()];
}
