/**
 * SQL builders of the writer. A page of rows travels as ONE json parameter read with
 * `json_to_recordset`, so every statement is a single round trip whatever the page size; the
 * embedded adapter's own COPY emulation uses the same JSON path (db/src/pglite.ts).
 */

/** A staged column: its name (also the JSON key of each row object) and its SQL type. */
export type Column = readonly [name: string, type: string];

/** `json_to_recordset($n::json) AS alias(name type, …)`: the rows of parameter `$n`. */
export function jsonRows(param: number, columns: readonly Column[], alias = 'x'): string {
  const list = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  return `json_to_recordset($${param}::json) AS ${alias}(${list})`;
}

export interface UpsertSpec {
  readonly table: string;
  /** The natural key (the unique constraint after tenant_id) the conflict is detected on. */
  readonly key: readonly string[];
  /** Every column written, key included. */
  readonly columns: readonly Column[];
  /** Nullable columns a NULL input does not overwrite (e.g. integration_id from an import). */
  readonly keepWhenNull?: readonly string[];
  /** Set updated_at = now() when the row changes (tables whose updated_at is Pulse's own). */
  readonly touch?: boolean;
  /** Expression RETURNING the changed row's key, e.g. `id::text`. */
  readonly returning: string;
}

/**
 * INSERT … SELECT FROM $2 ON CONFLICT (natural key) DO UPDATE … WHERE the row differs: a row
 * written again unchanged is not touched (no new tuple, no updated_at churn) and not returned,
 * so the statement returns exactly the keys of inserted or changed rows (`inserted`: xmax = 0,
 * true for a new row). Rows are written in key order, so concurrent pages that share rows (two
 * repositories' pull requests by the same people) lock them in the same order. $1 is the tenant id.
 */
export function upsertSql(spec: UpsertSpec): string {
  const names = spec.columns.map(([name]) => name);
  const keep = new Set(spec.keepWhenNull ?? []);
  const updated = names.filter((name) => !spec.key.includes(name));
  const value = (name: string) =>
    keep.has(name) ? `coalesce(excluded.${name}, ${spec.table}.${name})` : `excluded.${name}`;
  const set = updated.map((name) => `${name} = ${value(name)}`);
  if (spec.touch) set.push('updated_at = now()');
  const action =
    updated.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${set.join(', ')}
         WHERE (${updated.map((name) => `${spec.table}.${name}`).join(', ')})
               IS DISTINCT FROM (${updated.map(value).join(', ')})`;
  return `INSERT INTO ${spec.table} (tenant_id, ${names.join(', ')})
    SELECT $1, ${names.join(', ')} FROM ${jsonRows(2, spec.columns)}
    ORDER BY ${spec.key.join(', ')}
    ON CONFLICT (tenant_id, ${spec.key.join(', ')}) ${action}
    RETURNING ${spec.returning} AS key, xmax = 0 AS inserted`;
}

export interface ChildSpec {
  readonly table: string;
  /** Columns naming the parent row (e.g. pull_request_id), staged for every replaced parent. */
  readonly parent: readonly Column[];
  /** Columns that, with the parent, identify a child row (e.g. sha). */
  readonly key: readonly Column[];
  /** The remaining child columns, updated when they differ. */
  readonly values?: readonly Column[];
  /** Only child rows matching this condition are replaced (e.g. links of one kind). */
  readonly replaces?: string;
  /** An existing child row is left as it is (its values are only written on insert). */
  readonly keepExisting?: boolean;
  /** Expression over the child row giving its parent's changed key (as the parent upsert's). */
  readonly parentKey: string;
}

/**
 * Replaces the children of the parents in $2 with the rows in $3, in one statement: children
 * missing from the list are deleted, new ones inserted, changed ones updated. Returns the keys
 * of the parents whose children changed.
 */
export function replaceChildrenSql(spec: ChildSpec): string {
  const values = spec.values ?? [];
  const columns = [...spec.parent, ...spec.key, ...values];
  const names = columns.map(([name]) => name);
  const match = (a: string, b: string, cols: readonly Column[]) =>
    cols.map(([name]) => `${a}.${name} = ${b}.${name}`).join(' AND ');
  const conflict = [...spec.parent, ...spec.key].map(([name]) => name).join(', ');
  const valueNames = values.map(([name]) => name);
  const action =
    valueNames.length === 0 || spec.keepExisting === true
      ? 'DO NOTHING'
      : `DO UPDATE SET ${valueNames.map((n) => `${n} = excluded.${n}`).join(', ')}
         WHERE (${valueNames.map((n) => `${spec.table}.${n}`).join(', ')})
               IS DISTINCT FROM (${valueNames.map((n) => `excluded.${n}`).join(', ')})`;
  const child = spec.table;
  return `WITH p AS (SELECT * FROM ${jsonRows(2, spec.parent, 'p')}),
    r AS (SELECT * FROM ${jsonRows(3, columns, 'r')}),
    -- A correlated sub-select per parent (an index scan each) and a delete by ctid: a join here
    -- may be planned as a scan of the whole child table, on every page of a bulk load.
    stale AS (
      SELECT unnest(ARRAY(
        SELECT c.ctid FROM ${child} c
        WHERE c.tenant_id = $1 AND ${match('c', 'p', spec.parent)}
          ${spec.replaces === undefined ? '' : `AND c.${spec.replaces}`}
          AND NOT EXISTS (SELECT 1 FROM r WHERE ${match('r', 'c', [...spec.parent, ...spec.key])}))) AS id
      FROM p),
    removed AS (
      DELETE FROM ${child} c WHERE c.ctid = ANY(ARRAY(SELECT id FROM stale))
      RETURNING ${spec.parentKey.replaceAll('$.', 'c.')} AS key),
    added AS (
      INSERT INTO ${child} (tenant_id, ${names.join(', ')})
      SELECT $1, ${names.join(', ')} FROM r
      ON CONFLICT (tenant_id, ${conflict}) ${action}
      RETURNING ${spec.parentKey.replaceAll('$.', `${child}.`)} AS key)
    SELECT key FROM removed UNION SELECT key FROM added`;
}
