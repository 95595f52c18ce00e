/**
 * SQL fragments that build normalised records as JSON inside PostgreSQL (export): timestamps
 * keep their microseconds, and json_strip_nulls leaves out the optional fields that are unset.
 */

/** An identity as an actor object, or NULL when the reference is empty. */
export function actorJson(alias: string): string {
  return `CASE WHEN ${alias}.id IS NOT NULL THEN json_build_object(
    'source', ${alias}.source, 'externalId', ${alias}.external_id, 'login', ${alias}.login,
    'name', ${alias}.name, 'email', ${alias}.email, 'emailVerified', ${alias}.email_verified,
    'isBot', ${alias}.is_bot) END`;
}

/** A reference `{source, externalId}` to the row `alias`, or NULL when there is none. */
export function refJson(alias: string): string {
  return `CASE WHEN ${alias}.id IS NOT NULL THEN json_build_object('source', ${alias}.source, 'externalId', ${alias}.external_id) END`;
}

/** Left join of an identity by id column `column` of the main row, as `alias`. */
export function identityJoin(alias: string, column: string): string {
  return `LEFT JOIN identities ${alias} ON ${alias}.tenant_id = t.tenant_id AND ${alias}.id = t.${column}`;
}

export interface RecordQuery {
  /** Columns of the main table `t` ordering the rows (the keyset cursor). */
  readonly cursor: readonly string[];
  /** FROM clause (main table aliased t, plus joins). */
  readonly from: string;
  /** json_build_object(…) of the record. */
  readonly json: string;
}
