/**
 * Reads commits with `git log` in a NUL-separated custom format and parses them as they stream.
 *
 * Output layout, per commit: NUL, then the nine fields of `fields` each ended by NUL, then (with
 * --numstat) git's newline + one "added<TAB>deleted<TAB>path" line per file, up to the next
 * commit's leading NUL. So after the first (empty) token every commit is exactly ten tokens, and
 * nothing in a message (newlines, tabs, "1\t2\tx" lines, control characters) can shift them:
 * git refuses NUL in commit messages.
 */
import { streamGit, type GitRunner } from './client.ts';
import type { CommitPayload } from './payloads.ts';

const fields = ['%H', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'] as const;
const tokensPerCommit = fields.length + 1;
const shaPattern = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export interface CommitLogRequest {
  /** Read commits reachable from these… */
  readonly include: readonly string[];
  /** …and not from these (commits stored by an earlier read). */
  readonly exclude: readonly string[];
  /** Count lines and files per commit (costs a diff per commit). */
  readonly stats: boolean;
}

/** The commits `request` asks for, newest first (git's default order streams without a full walk). */
export async function* readCommitLog(
  git: GitRunner,
  request: CommitLogRequest,
): AsyncGenerator<CommitPayload> {
  if (request.include.length === 0) return; // no revisions means HEAD to git log
  const args = [
    'log',
    `--format=tformat:%x00${fields.join('%x00')}%x00`,
    '--encoding=UTF-8',
    '--no-show-signature',
    '--no-color',
    '--no-mailmap',
    '--stdin',
  ];
  // --root: a first commit's files count as added. -M: a rename is one file changed, as on GitHub.
  if (request.stats) args.push('--numstat', '--root', '-M', '--no-ext-diff', '--no-textconv');
  // Revisions on stdin: no argument-length limit with thousands of tags; "^sha" excludes one.
  const stdin = [...request.include, ...request.exclude.map((sha) => `^${sha}`)].join('\n') + '\n';
  const parser = new CommitLogParser(request.stats);
  for await (const tokens of streamGit(git, args, { stdin })) {
    for (const token of tokens) {
      const commit = parser.push(token);
      if (commit !== undefined) yield commit;
    }
  }
  const last = parser.end();
  if (last !== undefined) yield last;
}

/** Assembles commits from the NUL-separated tokens of the format above. */
export class CommitLogParser {
  private tokens: string[] = [];
  private started = false;

  constructor(private readonly stats: boolean) {}

  /** Takes the next token; returns a commit once its trailing statistics token is complete. */
  push(token: string): CommitPayload | undefined {
    if (!this.started) {
      if (token !== '') throw new Error(`unexpected git log output: ${JSON.stringify(token.slice(0, 80))}`);
      this.started = true;
      return undefined;
    }
    this.tokens.push(token);
    if (this.tokens.length < tokensPerCommit) return undefined;
    const commit = this.build(this.tokens);
    this.tokens = [];
    return commit;
  }

  /** The last commit, whose statistics end with the output instead of a NUL. */
  end(): CommitPayload | undefined {
    if (this.tokens.length === 0) return undefined;
    if (this.tokens.length === fields.length) return this.build([...this.tokens, '']);
    throw new Error(`git log output ended inside a commit (${this.tokens.length} fields)`);
  }

  private build(tokens: readonly string[]): CommitPayload {
    const [
      sha = '',
      parents = '',
      an = '',
      ae = '',
      ad = '',
      cn = '',
      ce = '',
      cd = '',
      message = '',
      trailer = '',
    ] = tokens;
    if (!shaPattern.test(sha))
      throw new Error(`unexpected git log output: ${JSON.stringify(sha.slice(0, 80))}`);
    const parentList = parents === '' ? [] : parents.split(' ');
    return {
      sha,
      parents: parentList,
      author: { name: an, email: ae, date: ad },
      committer: { name: cn, email: ce, date: cd },
      message,
      // git shows no diff for merges; "unknown" beats a misleading 0.
      stats: this.stats && parentList.length <= 1 ? countStats(trailer) : null,
    };
  }
}

/** Sums --numstat lines; binary files ("-\t-\tpath") count as changed files without lines. */
export function countStats(numstat: string): { additions: number; deletions: number; files: number } {
  let additions = 0;
  let deletions = 0;
  let files = 0;
  for (const line of numstat.split('\n')) {
    const match = /^(\d+|-)\t(\d+|-)\t/.exec(line);
    if (match === null) continue;
    files += 1;
    if (match[1] !== '-') additions += Number(match[1]);
    if (match[2] !== '-') deletions += Number(match[2]);
  }
  return { additions, deletions, files };
}
