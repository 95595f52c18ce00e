/**
 * The git history of one repository, built in time order: a main branch that moves forward with
 * merge commits (two parents: the previous main tip and the PR's head), squash commits (one
 * parent) and the odd direct push, plus the branch commits of every pull request.
 */
import { DAY } from './calendar.ts';
import type { Commit, Identity, PullRequest, Repository } from './model.ts';
import type { Random } from './prng.ts';

export class CommitGraph {
  readonly commits: Commit[] = [];
  /** The main branch's tips in time order. */
  readonly #main: { sha: string; at: number }[] = [];

  constructor(
    private readonly rng: Random,
    readonly repository: Repository,
  ) {}

  /** A short history before the time window: the initial commit and a few early changes. */
  seed(author: Identity, before: number): void {
    const root = before - this.rng.int(300, 700) * DAY;
    this.#addMain({ author, at: root, message: 'Initial commit', parents: [], size: 400, lands: null });
    for (let i = 1; i <= 5; i += 1)
      this.push(
        author,
        root + ((before - root) * i) / 6,
        this.rng.pick(['Set up CI', 'Add linting', 'Add README']),
      );
  }

  tip(): string {
    const last = this.#main[this.#main.length - 1];
    if (last === undefined) throw new Error(`${this.repository.fullName} has no commits`);
    return last.sha;
  }

  /** The main commit that was the tip at time t (undefined before the first commit). */
  tipAt(t: number): { sha: string; at: number } | undefined {
    let low = 0;
    let high = this.#main.length - 1;
    let found: { sha: string; at: number } | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = this.#main[mid]!;
      if (entry.at <= t) {
        found = entry;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  /** Main commits after `fromSha` up to and including `toSha`, oldest first. */
  mainBetween(fromSha: string | undefined, toSha: string): Commit[] {
    const shas = this.#main.map((m) => m.sha);
    const to = shas.lastIndexOf(toSha);
    const from = fromSha === undefined ? -1 : shas.lastIndexOf(fromSha);
    const wanted = new Set(shas.slice(from + 1, to + 1));
    return this.commits.filter((c) => c.onMain && wanted.has(c.sha));
  }

  /** Creates a pull request's branch commits off the current main tip. */
  branch(pr: PullRequest): void {
    let parent = this.tip();
    for (const planned of pr.planned) {
      const commit = this.#create({
        author: pr.committer,
        at: planned.at,
        message: planned.message,
        parents: [parent],
        additions: planned.additions,
        deletions: planned.deletions,
        files: Math.min(pr.changedFiles, 1 + Math.floor(planned.additions / 30)),
        onMain: false,
        lands: null,
      });
      pr.commits.push(commit);
      parent = commit.sha;
    }
  }

  /** Lands a merged pull request on main: a merge commit, or one squashed commit. */
  land(pr: PullRequest): void {
    const head = pr.commits[pr.commits.length - 1];
    if (pr.mergedAt === null || pr.mergedBy === null || head === undefined)
      throw new Error(`cannot land unmerged pull request "${pr.title}"`);
    const squash = pr.repository.mergeMethod === 'squash' || pr.kind === 'revert';
    const size = pr.commits.reduce((sum, c) => sum + c.additions + c.deletions, 0);
    const commit = this.#addMain({
      author: squash ? pr.author : pr.mergedBy,
      committer: pr.mergedBy,
      at: pr.mergedAt,
      message: '',
      parents: squash ? [this.tip()] : [this.tip(), head.sha],
      size,
      lands: pr,
    });
    pr.mergeCommitSha = commit.sha;
  }

  /** A commit pushed straight to main, without a pull request. */
  push(author: Identity, at: number, message: string): Commit {
    return this.#addMain({
      author,
      at,
      message,
      parents: this.#main.length ? [this.tip()] : [],
      size: 6,
      lands: null,
    });
  }

  #addMain(input: {
    author: Identity;
    committer?: Identity;
    at: number;
    message: string;
    parents: string[];
    size: number;
    lands: PullRequest | null;
  }): Commit {
    const additions = Math.round(input.size * 0.7);
    const commit = this.#create({
      ...input,
      additions,
      deletions: input.size - additions,
      files: 1 + Math.floor(Math.sqrt(input.size) / 2),
      onMain: true,
    });
    this.#main.push({ sha: commit.sha, at: commit.committedAt });
    return commit;
  }

  #create(input: {
    author: Identity;
    committer?: Identity;
    at: number;
    message: string;
    parents: string[];
    additions: number;
    deletions: number;
    files: number;
    onMain: boolean;
    lands: PullRequest | null;
  }): Commit {
    const commit: Commit = {
      repository: this.repository,
      sha: this.rng.hex(40),
      author: input.author,
      committer: input.committer ?? input.author,
      authoredAt: input.at,
      committedAt: input.at,
      message: input.message,
      additions: input.additions,
      deletions: input.deletions,
      filesChanged: input.files,
      parents: input.parents,
      onMain: input.onMain,
      lands: input.lands,
    };
    this.commits.push(commit);
    return commit;
  }
}
