/**
 * Merging people: the identities and team memberships of one person move to another, and the
 * merged person is deleted. team_members is the only other table naming a person; a membership
 * both people hold (same team, same start) is kept once.
 */
import { PulseError } from '@pulse/core';
import type { Tx } from '@pulse/db';

export interface MergePair {
  readonly from: number;
  readonly into: number;
}

export interface MergeResult {
  readonly into: number;
  readonly from: number;
  readonly identities: number;
  readonly memberships: number;
}

const pairs = `json_to_recordset($2::json) AS p("from" bigint, "into" bigint)`;

/** Merges person `from` into person `into` (both of the transaction's tenant). */
export async function mergePeople(tx: Tx, input: { into: number; from: number }): Promise<MergeResult> {
  if (input.into === input.from)
    throw new PulseError('VALIDATION_FAILED', { message: `Cannot merge person ${input.into} into itself.` });
  const found = await tx.query<{ id: number }>('SELECT id FROM people WHERE id IN ($1, $2)', [
    input.into,
    input.from,
  ]);
  for (const id of [input.into, input.from])
    if (!found.rows.some((row) => row.id === id))
      throw new PulseError('PERSON_NOT_FOUND', { message: `No person with id ${id} in this tenant.` });
  const tenant = await tx.query<{ id: string }>('SELECT pulse_current_tenant()::text AS id');
  const moved = await mergePersonPairs(tx, tenant.rows[0]!.id, [input]);
  return { ...input, ...moved };
}

/** Set-based merge of several (from → into) pairs; no person may be both a `from` and an `into`. */
export async function mergePersonPairs(
  tx: Tx,
  tenantId: string,
  list: readonly MergePair[],
): Promise<{ identities: number; memberships: number }> {
  if (list.length === 0) return { identities: 0, memberships: 0 };
  const params = [tenantId, JSON.stringify(list)];
  const identities = await tx.query(
    `UPDATE identities i SET person_id = p."into", updated_at = now() FROM ${pairs}
     WHERE i.tenant_id = $1 AND i.person_id = p."from"`,
    params,
  );
  await tx.query(
    `DELETE FROM team_members m USING ${pairs}
     WHERE m.tenant_id = $1 AND m.person_id = p."from" AND EXISTS (
       SELECT 1 FROM team_members o WHERE o.tenant_id = $1 AND o.team_id = m.team_id
         AND o.person_id = p."into" AND o.valid_from = m.valid_from)`,
    params,
  );
  const memberships = await tx.query(
    `UPDATE team_members m SET person_id = p."into" FROM ${pairs}
     WHERE m.tenant_id = $1 AND m.person_id = p."from"`,
    params,
  );
  await tx.query(`DELETE FROM people d USING ${pairs} WHERE d.tenant_id = $1 AND d.id = p."from"`, params);
  return { identities: identities.rowCount, memberships: memberships.rowCount };
}
