/**
 * Identities no other source's account is merged with: their person has accounts of one source
 * only (or they have no person). `pulse people unmatched` lists them so they can be merged by hand
 * (`pulse people merge`) where e-mails did not link them automatically.
 */
import type { Tx } from '@pulse/db';

export interface UnmatchedIdentity {
  readonly id: number;
  readonly personId: number | null;
  readonly source: string;
  readonly externalId: string;
  readonly login: string | null;
  readonly name: string | null;
  readonly email: string | null;
  readonly isBot: boolean;
}

/** Unmatched identities (at most `limit`), optionally of one source; bots are left out unless asked. */
export async function listUnmatchedIdentities(
  tx: Tx,
  options: { source?: string; includeBots?: boolean; limit?: number } = {},
): Promise<UnmatchedIdentity[]> {
  const result = await tx.query<UnmatchedIdentity>(
    `SELECT i.id, i.person_id AS "personId", i.source, i.external_id AS "externalId", i.login, i.name,
       i.email, i.is_bot AS "isBot"
     FROM identities i
     WHERE ($1::text IS NULL OR i.source = $1) AND ($2 OR NOT i.is_bot)
       AND NOT EXISTS (SELECT 1 FROM identities o
                       WHERE o.person_id = i.person_id AND o.source <> i.source)
     ORDER BY i.source, lower(coalesce(i.name, i.login, i.email, i.external_id)), i.id
     LIMIT $3`,
    [options.source ?? null, options.includeBots ?? false, options.limit ?? 1000],
  );
  return result.rows;
}
