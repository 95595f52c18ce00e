/**
 * Settings of a local git integration (stored as the integration's config, edited by tenant admins).
 *
 * Example: {"repositories": [{"path": "api.git", "name": "acme/api"}]}
 *
 * Paths are confined to the tenant's folders (access.ts); a relative path resolves against the
 * tenant's folder under PULSE_GIT_ROOTS.
 */
import { z } from 'zod';

const fullName = z
  .string()
  .max(500)
  .regex(/^[^/\s]+(\/[^/\s]+)*$/, 'a full name such as "acme/api": segments separated by single slashes')
  .describe(
    "The repository's full name, e.g. 'acme/api'. A GitHub repository with the same name is the same repository.",
  );

const branchPattern = z
  .string()
  .max(1000)
  .regex(
    /^(?!-)(?!refs\/)[^\s~^:\\]+$/,
    'a branch name or glob without the refs/heads/ prefix, e.g. "main" or "release/*"',
  );

export const gitRepositoryConfig = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(4096)
    .describe(
      "Path of a working tree, its .git folder or a bare clone on the Pulse server, inside the tenant's folder under PULSE_GIT_ROOTS (relative paths resolve against it) or a folder granted with PULSE_GIT_GRANTS.",
    ),
  name: fullName.optional(),
  branches: z
    .array(branchPattern)
    .min(1)
    .max(1000)
    .optional()
    .describe('Branches to read (names or globs); default every branch. Tags are always read.'),
});

export const gitConfig = z
  .strictObject({
    repositories: z.array(gitRepositoryConfig).min(1).max(1000),
    stats: z
      .boolean()
      .default(true)
      .describe(
        'Count additions, deletions and files changed per commit (a diff per commit; off reads about 4x faster).',
      ),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.repositories.forEach((repository, index) => {
      const key = repository.name?.toLowerCase();
      if (key === undefined) return;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['repositories', index, 'name'],
          message: `"${repository.name}" is also the name of repositories[${seen.get(key)}]`,
        });
      else seen.set(key, index);
    });
  });

export type GitConfig = z.output<typeof gitConfig>;
export type GitRepositoryConfig = z.output<typeof gitRepositoryConfig>;

/** Local git needs no credentials. */
export const gitSecrets = z.strictObject({});
export type GitSecrets = z.output<typeof gitSecrets>;
