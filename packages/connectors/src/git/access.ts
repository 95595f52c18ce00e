/**
 * Which folders of the host a tenant's git integrations may read. The operator names roots
 * (PULSE_GIT_ROOTS); a tenant reads only its own sub-root `<root>/<tenant-slug>/` of each, plus
 * folders granted to it by name (PULSE_GIT_GRANTS). Everything else is "not allowed".
 *
 * The check compares REAL paths (fs.realpath of the target and of each allowed folder), so a
 * symlink inside a sub-root that points elsewhere, a `/proc/self/cwd` or a bind of the install's
 * own `.git` cannot escape. Every refusal is the same GIT_PATH_NOT_ALLOWED with the same message,
 * whether the path is missing, a file or an existing folder of someone else: a tenant admin must
 * not learn what exists on the host.
 *
 * Rejected alternative: a lexical prefix check on the configured path. It passes
 * `<root>/acme/link` when `link -> /`, and cannot tell `/tmp` from `/private/tmp`.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PulseError } from '@pulse/core';
import type { TenantRef } from '../kit/contract.ts';

/** A folder the operator lets one tenant read, beside its sub-roots. */
export interface GitGrant {
  /** The tenant's slug. */
  readonly tenant: string;
  /** An absolute folder; it and everything beneath it may be read. */
  readonly path: string;
}

/** The operator's confinement of local git paths (never chosen by a tenant). */
export interface GitAccess {
  /** Absolute folders; a tenant reads `<root>/<tenant-slug>/` of each. */
  readonly roots: readonly string[];
  readonly grants?: readonly GitGrant[];
}

const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The folders `tenant` may read, sub-roots first (relative paths resolve against them in order). */
export function allowedFolders(access: GitAccess, tenant: TenantRef): string[] {
  if (!slugPattern.test(tenant.slug)) return [];
  const subRoots = access.roots.filter(isAbsolute).map((root) => resolve(root, tenant.slug));
  const grants = (access.grants ?? [])
    .filter((g) => g.tenant === tenant.slug && isAbsolute(g.path))
    .map((g) => resolve(g.path));
  return [...subRoots, ...grants];
}

/**
 * The real path of the configured repository folder `configured` if `tenant` may read it;
 * GIT_PATH_NOT_ALLOWED otherwise. A relative path resolves against the tenant's sub-roots.
 */
export async function confinePath(
  access: GitAccess,
  tenant: TenantRef | undefined,
  configured: string,
): Promise<string> {
  const refuse = () => notAllowed(configured);
  if (tenant === undefined) throw refuse();
  // '..' is refused outright, even where it would stay inside: it is how escapes are spelled.
  if (configured.includes('\0') || configured.split(/[/\\]/).includes('..')) throw refuse();
  const folders = await realFolders(allowedFolders(access, tenant));
  const candidates = isAbsolute(configured)
    ? [resolve(configured)]
    : allowedFolders(access, tenant)
        .slice(0, access.roots.length)
        .map((subRoot) => resolve(subRoot, configured));
  for (const candidate of candidates) {
    if (isProc(candidate)) continue;
    const real = await realpath(candidate).catch(() => undefined);
    if (real === undefined || isProc(real) || !folders.some((folder) => isWithin(real, folder))) continue;
    const isFolder = await stat(real).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isFolder) return real;
  }
  throw refuse();
}

/** Throws GIT_PATH_NOT_ALLOWED unless the real path `path` lies in one of `tenant`'s folders. */
export async function assertConfined(
  access: GitAccess,
  tenant: TenantRef | undefined,
  path: string,
  configured: string,
): Promise<void> {
  const folders = tenant === undefined ? [] : await realFolders(allowedFolders(access, tenant));
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined || isProc(real) || !folders.some((folder) => isWithin(real, folder)))
    throw notAllowed(configured);
}

/** The one refusal: it names the configured path (the caller's own input) and nothing found on disk. */
export function notAllowed(configured: string): PulseError {
  return new PulseError('GIT_PATH_NOT_ALLOWED', {
    message: `The git repository path ${JSON.stringify(configured.slice(0, 200))} is not allowed.`,
  });
}

async function realFolders(folders: readonly string[]): Promise<string[]> {
  const reals = await Promise.all(folders.map((folder) => realpath(folder).catch(() => undefined)));
  return reals.filter((real): real is string => real !== undefined && !isProc(real));
}

function isWithin(path: string, folder: string): boolean {
  if (path === folder) return true;
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** /proc exposes other processes' working folders and open files as paths. */
function isProc(path: string): boolean {
  return path === '/proc' || path.startsWith('/proc/');
}
