/** Repository-name globs: `*` matches any run of characters, `?` one; case-insensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

/** True when `fullName` ('owner/name') or its name part matches one of the globs. */
export function matchesAny(fullName: string, globs: readonly string[]): boolean {
  const name = fullName.slice(fullName.indexOf('/') + 1);
  return globs.some((glob) => {
    const re = globToRegExp(glob);
    return re.test(fullName) || re.test(name);
  });
}
