/**
 * The branches and tags of a repository at one instant, each with the commit it points to.
 * Both the refs stream (as records) and the commits stream (as its cursor) start from it.
 */
import { runGit, streamGit, type GitRunner } from './client.ts';

export interface RefEntry {
  /** Full name: 'refs/heads/main', 'refs/tags/v1.0'. */
  readonly refname: string;
  /** What the ref names directly: a commit, or an annotated tag object. */
  readonly objectType: string;
  readonly objectName: string;
  /** The commit it points to, annotated tags peeled. */
  readonly commit: string;
  /** An annotated tag's date (ISO 8601 with offset); null for branches and lightweight tags. */
  readonly taggedAt: string | null;
}

// One ref per line (ref names cannot contain control characters), fields separated by NUL.
const format = [
  '%(refname)',
  '%(objecttype)',
  '%(objectname)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(taggerdate:iso-strict)',
].join('%00');

/** The repository's branches (those matching `branches`, default all) and tags that reach a commit. */
export async function readRefSnapshot(
  git: GitRunner,
  branches: readonly string[] | undefined,
): Promise<RefEntry[]> {
  const heads = branches === undefined ? ['refs/heads'] : branches.map((b) => `refs/heads/${b}`);
  const patterns = [...heads, 'refs/tags'];
  const { stdout } = await runGit(git, ['for-each-ref', `--format=${format}`, ...patterns]);
  const entries: RefEntry[] = [];
  const nested: { refname: string; objectName: string; taggedAt: string | null }[] = [];
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const [refname = '', type = '', name = '', peeledType = '', peeled = '', taggedAt = ''] =
      line.split('\0');
    const entry = {
      refname,
      objectType: type,
      objectName: name,
      taggedAt: taggedAt === '' ? null : taggedAt,
    };
    if (type === 'commit') entries.push({ ...entry, commit: name });
    else if (type === 'tag' && peeledType === 'commit') entries.push({ ...entry, commit: peeled });
    else if (type === 'tag' && peeledType === 'tag') nested.push(entry);
    // Tags of trees or blobs (Linux's v2.6.11-tree) have no commit: not a ref Pulse can use.
  }
  if (nested.length > 0) {
    const commits = await peelToCommits(
      git,
      nested.map((n) => n.objectName),
    );
    nested.forEach((entry, i) => {
      const commit = commits[i];
      if (commit !== undefined) entries.push({ ...entry, objectType: 'tag', commit });
    });
    entries.sort((a, b) => (a.refname < b.refname ? -1 : a.refname > b.refname ? 1 : 0));
  }
  return entries;
}

/**
 * For each object name, the commit it peels to (undefined if missing or not a commit), in one git
 * process however many names are asked about.
 */
export async function peelToCommits(
  git: GitRunner,
  names: readonly string[],
): Promise<(string | undefined)[]> {
  if (names.length === 0) return [];
  const answers: (string | undefined)[] = [];
  const stdin = names.map((name) => `${name}^{commit}\n`).join('');
  for await (const lines of streamGit(git, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
    stdin,
    separator: 0x0a,
  })) {
    for (const line of lines) {
      const [sha, type] = line.split(' ');
      answers.push(type === 'commit' ? sha : undefined);
    }
  }
  return answers;
}
