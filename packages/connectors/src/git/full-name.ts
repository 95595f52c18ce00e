/**
 * A repository's full name ('acme/api') when the configuration does not give one: from the
 * origin remote's URL when it names a hosted repository, else from the folder name. The writer
 * matches a git repository to a GitHub repository with the same full name, so deriving it right
 * is what lets a local clone's commits land on the GitHub repository.
 */
import { basename, dirname } from 'node:path';

const hostedSchemes = new Set(['http:', 'https:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:']);

/**
 * 'acme/api' from 'git@github.com:acme/api.git', 'https://token@github.com/acme/api' or
 * 'ssh://git@host:2222/group/sub/api.git'; undefined for local paths and file:// URLs.
 */
export function fullNameFromRemote(url: string): string | undefined {
  const trimmed = url.trim();
  let path: string | undefined;
  if (trimmed.includes('://')) {
    try {
      const parsed = new URL(trimmed);
      if (hostedSchemes.has(parsed.protocol) && parsed.hostname !== '')
        path = decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
  } else {
    // scp-like syntax: [user@]host:path. A colon after a slash is part of a local path instead.
    const scp = /^(?:[^@/\s]+@)?([^:/\s]{2,}):(.+)$/.exec(trimmed);
    path = scp?.[2];
  }
  if (path === undefined) return undefined;
  const segments = path
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '~');
  if (segments.length < 2 || segments.some((s) => s === '.' || s === '..' || /\s/.test(s))) return undefined;
  return segments.join('/');
}

/** 'api' from '/srv/git/api.git', '/home/me/api' or '/home/me/api/.git'. */
export function fullNameFromFolder(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const folder = basename(trimmed) === '.git' ? basename(dirname(trimmed)) : basename(trimmed);
  return folder.replace(/\.git$/, '') || folder || 'repository';
}
