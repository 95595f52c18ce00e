/**
 * Issue keys (`PROJ-123`) mentioned in free text: pull request titles, branch names, bodies and
 * commit messages. Pulse links a pull request to a work item when one of these names it.
 *
 * Rules, each against a false hit seen in real repositories:
 * - a key is a project key (a letter, then letters, digits or `_`; 2–32 characters), a dash and a
 *   number without leading zero; matched case-insensitively (`feature/proj-12-login`);
 * - it stands alone: no letter, digit or `_` right before or after it, and no `.5`, `,5`, `-5` or
 *   `@` after it (`ABC-1.2` is a version, `abc-12@host` an address, `ABC-2024-05` a date);
 * - inside a link (`https://…`) it counts only when the link's host is one the caller names (the
 *   issue tracker's own, `https://acme.atlassian.net/browse/PROJ-1`), never in links to other
 *   hosts (`https://example.com/docs/PROJ-1`);
 * - only keys of known projects count: `UTF-8`, `ISO-8601`, `SHA-256` are keys by shape only.
 */

export interface IssueKeyMention {
  /** Upper case: `PROJ-12`. */
  readonly key: string;
  /** Host of the link the key stands in (lower case); absent outside links. */
  readonly host?: string;
}

export interface IssueKeyOptions {
  /** Keys of these projects only (case-insensitive); default: any key-shaped word. */
  readonly projectKeys?: Iterable<string>;
  /** Keys inside links count only for links to these hosts (default: none). */
  readonly hosts?: Iterable<string>;
}

const keyPattern = /(?<![\p{L}\p{N}_])([a-z][a-z0-9_]{1,31})-([1-9]\d{0,9})(?![\p{L}\p{N}_@]|[.,-]\d)/giu;
const linkPattern = /\bhttps?:\/\/[^\s<>()[\]{}"'`]+/giu;

/** Every key-shaped mention in `text`, each with the host of the link it stands in, if any. */
export function issueKeyMentions(text: string): IssueKeyMention[] {
  const found: IssueKeyMention[] = [];
  const links = [...text.matchAll(linkPattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    host: hostOf(m[0]),
  }));
  for (const match of text.matchAll(keyPattern)) {
    const link = links.find((l) => match.index >= l.start && match.index < l.end);
    const key = `${match[1]!.toUpperCase()}-${match[2]!}`;
    if (link === undefined) found.push({ key });
    else if (link.host !== undefined) found.push({ key, host: link.host });
  }
  return found;
}

/** The distinct keys `text` mentions that count under `options`, in order of appearance. */
export function findIssueKeys(text: string, options: IssueKeyOptions = {}): string[] {
  const projects =
    options.projectKeys === undefined
      ? undefined
      : new Set([...options.projectKeys].map((k) => k.toUpperCase()));
  const hosts = new Set([...(options.hosts ?? [])].map((h) => h.toLowerCase()));
  const keys = new Set<string>();
  for (const { key, host } of issueKeyMentions(text)) {
    if (host !== undefined && !hosts.has(host)) continue;
    if (projects !== undefined && !projects.has(key.slice(0, key.lastIndexOf('-')))) continue;
    keys.add(key);
  }
  return [...keys];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
