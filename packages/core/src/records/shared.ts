/**
 * Building blocks of Pulse's normalised records (the NDJSON import format and what every
 * connector's mappers emit). Field names are camelCase; times are ISO 8601 strings with an offset.
 *
 * Glossary:
 * - source: the system a record comes from ('github', 'git', 'jira', or any name for imports).
 * - externalId: the record's id in that source; (source, externalId) is its natural key in Pulse.
 * - actor: a person's account in a source, written inline wherever a record names a person; the
 *   writer turns each distinct actor into an identity linked to a person.
 */
import { z } from 'zod';

/** ISO 8601 date-time with an offset (`2026-03-02T10:00:00Z`, `2026-03-02T11:00:00+01:00`). */
export const instant = z.iso.datetime({ offset: true });

export const sourceName = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,62}$/, 'lower-case letters, digits, _ . - (e.g. "github")');

export const externalId = z.string().min(1).max(500);

export const sha = z
  .string()
  .regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'a full 40- or 64-character lower-case hex commit hash');

/** A person's account in a source. Git authors use source 'git' and their e-mail as externalId. */
export const actor = z.strictObject({
  source: sourceName,
  externalId,
  login: z.string().max(200).optional(),
  name: z.string().max(500).optional(),
  email: z.string().max(320).optional(),
  /** The source vouches for the e-mail (GitHub verified e-mail, a git e-mail is not verified). */
  emailVerified: z.boolean().optional(),
  isBot: z.boolean().optional(),
});
export type Actor = z.infer<typeof actor>;

/**
 * Names a record of another type by its natural key. `source` defaults to the referring record's
 * source. A repository may also be named by `fullName` ('acme/api'), which is how a local git
 * clone meets the GitHub repository it mirrors.
 */
export const recordRef = z.strictObject({ source: sourceName.optional(), externalId });
export type RecordRef = z.infer<typeof recordRef>;

export const repositoryRef = z.union([recordRef, z.strictObject({ fullName: z.string().min(1).max(500) })]);
export type RepositoryRef = z.infer<typeof repositoryRef>;

/** Fields every top-level synced entity carries. */
export const entityKey = { source: sourceName, externalId };
