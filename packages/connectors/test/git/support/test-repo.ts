/**
 * Builds real git repositories for the tests, deterministically: fixed names, e-mails and dates
 * (so shas are the same on every machine), no global or system git configuration, no signing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Person {
  readonly name: string;
  readonly email: string;
}

export const ada: Person = { name: 'Ada Lovelace', email: 'Ada@Example.com' };
export const bob: Person = { name: 'Bob Ross', email: 'bob@example.com' };
export const dependabot: Person = {
  name: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com',
};

export interface CommitOptions {
  /** Files to write (string content) or delete (null). */
  readonly files?: Readonly<Record<string, string | Buffer | null>>;
  readonly author?: Person;
  readonly committer?: Person;
  /** Author date, e.g. '2024-03-01T10:00:00+01:00'; default: the repository's clock. */
  readonly at?: string;
  /** Committer date; default the author date. */
  readonly committedAt?: string;
}

/** The tenant of the tests' connector contexts; its folder under `testRoot()` holds the repositories. */
export const testTenant = { id: '00000000-0000-4000-8000-00000000acme', slug: 'acme' } as const;

let root: string | undefined;

/**
 * The git root (PULSE_GIT_ROOTS) of this test file, made on first use: the connector under test
 * is composed with it, and every `tempDir()` lies in its `acme/` sub-root.
 */
export function testRoot(): string {
  if (root === undefined) {
    root = mkdtempSync(join(tmpdir(), 'pulse-git-root-'));
    mkdirSync(join(root, testTenant.slug));
  }
  return root;
}

/** A temporary folder inside the test tenant's sub-root, removed by `removeAll()`. */
export function tempDir(prefix = 'pulse-git-'): string {
  return mkdtempSync(join(testRoot(), testTenant.slug, prefix));
}

/** A temporary folder outside every git root (another tenant's or the host's files). */
export function outsideDir(prefix = 'pulse-git-outside-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  outside.push(dir);
  return dir;
}
const outside: string[] = [];

/** Removes the test root with everything made by `tempDir()`, and every `outsideDir()`. */
export function removeAll(): void {
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
}

export class TestRepo {
  private tick = 0;

  constructor(readonly path: string) {}

  /** A new repository with branch main; `bare` makes a bare one. */
  static init(options: { bare?: boolean; path?: string } = {}): TestRepo {
    const path = options.path ?? join(tempDir(), options.bare ? 'repo.git' : 'repo');
    mkdirSync(path, { recursive: true });
    const repo = new TestRepo(path);
    repo.git(['init', '-q', ...(options.bare ? ['--bare'] : []), '-b', 'main', '.']);
    return repo;
  }

  /** Runs git in the repository with the deterministic environment; returns trimmed stdout. */
  git(
    args: readonly string[],
    options: { env?: Record<string, string>; input?: string | Buffer } = {},
  ): string {
    const date = this.clock();
    return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: this.path,
      input: options.input ?? '',
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: this.path,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: ada.name,
        GIT_AUTHOR_EMAIL: ada.email,
        GIT_COMMITTER_NAME: ada.name,
        GIT_COMMITTER_EMAIL: ada.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        ...options.env,
      },
    }).trim();
  }

  /** Writes `files`, stages everything and commits; returns the new commit's sha. */
  commit(message: string, options: CommitOptions = {}): string {
    for (const [file, content] of Object.entries(
      options.files ?? { [`file-${this.tick}.txt`]: `${this.tick}\n` },
    )) {
      const target = join(this.path, file);
      if (content === null) rmSync(target, { force: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    }
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'], {
      env: this.identityEnv(options),
      input: message,
    });
    return this.git(['rev-parse', 'HEAD']);
  }

  /** Merges `branches` into the current branch with `message` (no fast-forward). */
  merge(branches: readonly string[], message: string, options: CommitOptions = {}): string {
    this.git(['merge', '-q', '--no-ff', '--no-edit', '-m', message, ...branches], {
      env: this.identityEnv(options),
    });
    return this.git(['rev-parse', 'HEAD']);
  }

  /** The environment that sets author/committer and dates, advancing the clock by an hour. */
  private identityEnv(options: CommitOptions): Record<string, string> {
    const at = options.at ?? this.clock();
    this.tick += 1;
    const author = options.author ?? ada;
    const committer = options.committer ?? author;
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: at,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: options.committedAt ?? at,
    };
  }

  private clock(): string {
    return new Date(Date.UTC(2024, 2, 1, 9) + this.tick * 3_600_000).toISOString().replace('.000Z', '+00:00');
  }
}
