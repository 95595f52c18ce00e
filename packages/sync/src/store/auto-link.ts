/**
 * Gives identities without a person one, automatically.
 *
 * The rule (docs/import-format.md, "Identities and people"): an identity's e-mail is *trusted*
 * when its source verified it (emailVerified) or when it is a git identity (a git author's
 * address is the account itself; it is what GitHub verifies when it attributes commits).
 * An identity with a trusted e-mail joins the person of another identity with the same trusted
 * e-mail, compared case-insensitively (lowest person id if several); otherwise it gets a new
 * person, shared with the other new identities of the page that have the same trusted e-mail.
 * Untrusted e-mails never link (anyone can type any address into a Jira profile). Only
 * identities without a person are linked: links made by person records or by `pulse people
 * merge` are never undone here.
 *
 * Auto-created people have source 'pulse' and externalId `identity:<source>:<externalId>` of the
 * identity that created them, so they survive an export and re-import unchanged.
 */
import type { Page } from './page.ts';

export const autoPersonPrefix = 'identity:';

const trustedEmail = (i: string) =>
  `CASE WHEN (${i}.email_verified OR ${i}.source = 'git') AND ${i}.email <> '' THEN lower(${i}.email) END`;

const autoLinkSql = `
  WITH pending AS (
    SELECT i.id, i.source, i.external_id, i.login, i.name, i.email, i.is_bot, ${trustedEmail('i')} AS trusted
    FROM identities i
    WHERE i.tenant_id = $1 AND i.person_id IS NULL
      AND i.id IN (SELECT value::bigint FROM json_array_elements_text($2::json))),
  found AS (
    SELECT p.id, (
      SELECT o.person_id FROM identities o
      WHERE o.tenant_id = $1 AND lower(o.email) = p.trusted AND o.email IS NOT NULL
        AND (o.email_verified OR o.source = 'git') AND o.person_id IS NOT NULL
      ORDER BY o.person_id LIMIT 1) AS person_id
    FROM pending p WHERE p.trusted IS NOT NULL),
  fresh AS (
    SELECT p.*, coalesce(p.trusted, 'id:' || p.id) AS grp
    FROM pending p LEFT JOIN found f ON f.id = p.id WHERE f.person_id IS NULL),
  leaders AS (
    SELECT DISTINCT ON (grp) grp, '${autoPersonPrefix}' || source || ':' || external_id AS key,
      coalesce(nullif(name, ''), nullif(login, ''), nullif(email, ''), external_id) AS display_name,
      trusted, is_bot
    FROM fresh ORDER BY grp, source = 'git', id),
  created AS (
    INSERT INTO people (tenant_id, source, external_id, display_name, primary_email, is_bot)
    SELECT $1, 'pulse', key, display_name, trusted, is_bot FROM leaders
    ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET display_name = people.display_name
    RETURNING id, external_id),
  links AS (
    SELECT id, person_id FROM found WHERE person_id IS NOT NULL
    UNION ALL
    SELECT f.id, c.id FROM fresh f JOIN leaders l ON l.grp = f.grp JOIN created c ON c.external_id = l.key)
  UPDATE identities i SET person_id = links.person_id, updated_at = now()
  FROM links WHERE i.tenant_id = $1 AND i.id = links.id
  RETURNING i.id`;

/** Links each of `identityIds` that still has no person (see the rule above). */
export async function autoLinkIdentities(page: Page, identityIds: readonly number[]): Promise<number> {
  if (identityIds.length === 0) return 0;
  const result = await page.tx.query(autoLinkSql, [page.ctx.tenantId, JSON.stringify(identityIds)]);
  return result.rowCount;
}
