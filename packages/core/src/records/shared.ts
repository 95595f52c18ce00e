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

/**
 * The instants Pulse accepts, in milliseconds since the epoch: 1970-01-01T00:00:00Z up to the end
 * of year 9999. PostgreSQL's timestamptz reaches further, but it has no year 0000 (an ISO year
 * 0000 made a query fail), nothing Pulse measures lies outside, and JavaScript's Date and ISO
 * 8601's four-digit years both end at 9999.
 */
export const instantRange = { min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) };

/** True for a parsed instant (ms) inside `instantRange`. */
export const inInstantRange = (ms: number): boolean => ms >= instantRange.min && ms <= instantRange.max;

export const instantRangeMessage = 'must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z';

/** ISO 8601 date-time with an offset (`2026-03-02T10:00:00Z`, `2026-03-02T11:00:00+01:00`). */
export const instant = z.iso
  .datetime({ offset: true })
  .refine((value) => inInstantRange(Date.parse(value)), instantRangeMessage);

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
