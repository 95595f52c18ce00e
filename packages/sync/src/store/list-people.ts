/** People of a tenant with their identities, for `pulse people list`. */
import type { Tx } from '@pulse/db';

export interface PersonSummary {
  readonly id: number;
  readonly displayName: string;
  readonly email: string | null;
  readonly isBot: boolean;
  readonly source: string;
  readonly externalId: string;
  /** `source:login-or-externalId` of each identity. */
  readonly identities: readonly string[];
}

/** People (at most `limit`), optionally only those whose name, e-mail or identities match `search`. */
export async function listPeople(
  tx: Tx,
  options: { search?: string; limit?: number } = {},
): Promise<PersonSummary[]> {
  const pattern = options.search === undefined ? null : `%${options.search.replace(/[\\%_]/g, '\\$&')}%`;
  const result = await tx.query<{
    id: number;
    display_name: string;
    primary_email: string | null;
    is_bot: boolean;
    source: string;
    external_id: string;
    identities: string[] | null;
  }>(
    `SELECT p.id, p.display_name, p.primary_email, p.is_bot, p.source, p.external_id,
       (SELECT array_agg(i.source || ':' || coalesce(i.login, i.email, i.external_id) ORDER BY i.source, i.id)
        FROM identities i WHERE i.person_id = p.id) AS identities
     FROM people p
     WHERE $1::text IS NULL OR p.display_name ILIKE $1 OR p.primary_email ILIKE $1 OR EXISTS (
       SELECT 1 FROM identities i WHERE i.person_id = p.id
         AND (i.login ILIKE $1 OR i.email ILIKE $1 OR i.name ILIKE $1 OR i.external_id ILIKE $1))
     ORDER BY lower(p.display_name), p.id
     LIMIT $2`,
    [pattern, options.limit ?? 1000],
  );
  return result.rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    email: row.primary_email,
    isBot: row.is_bot,
    source: row.source,
    externalId: row.external_id,
    identities: row.identities ?? [],
  }));
}
