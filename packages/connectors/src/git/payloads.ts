/**
 * What the git streams emit as raw items: git's own view, parsed but not yet normalised (the
 * mappers in map/ turn them into records). Plain JSON so they could be kept as raw records.
 */

export type PersonPayload = {
  readonly name: string;
  readonly email: string;
  /** Strict ISO 8601 with the original offset (%aI / %cI). */
  readonly date: string;
};

export type CommitPayload = {
  readonly sha: string;
  readonly parents: string[];
  readonly author: PersonPayload;
  readonly committer: PersonPayload;
  /** The raw message (%B), trailing newline included. */
  readonly message: string;
  /** null for merges and when statistics are turned off. */
  readonly stats: { readonly additions: number; readonly deletions: number; readonly files: number } | null;
};

export type RefPayload = {
  readonly refname: string;
  readonly objectType: string;
  readonly objectName: string;
  readonly commit: string;
  readonly taggedAt: string | null;
};

export type RepositoryPayload = {
  readonly path: string;
  readonly fullName: string;
  /** HEAD's symbolic ref ('refs/heads/main'); null when HEAD is detached. */
  readonly head: string | null;
};
