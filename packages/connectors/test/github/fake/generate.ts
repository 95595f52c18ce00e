/**
 * Generates a realistic organisation for the fake GitHub: merged, closed and open pull requests,
 * drafts that became ready, bots, reviews with comments, deployments to staging and production,
 * workflow runs, releases, tags and issues (some incidents). Deterministic for a given seed.
 */
import { generateDelivery, generateIssues } from './generate-delivery.ts';
import {
  addEvent,
  nextId,
  nextNumber,
  oid,
  tick,
  type FakeCheck,
  type FakeGithub,
  type FakePull,
  type FakeRepository,
  type FakeUser,
} from './model.ts';

export interface GenerateOptions {
  readonly org?: string;
  readonly repositories?: number;
  readonly pullsPerRepository?: number;
  /** Adds one pull request with 150 commits, 120 reviews and a review with 30 comments to the first repository. */
  readonly bigPull?: boolean;
  readonly seed?: number;
  readonly start?: string;
}

/** A small seeded PRNG (mulberry32), so generated organisations are the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A fresh organisation. */
export function generateOrganisation(options: GenerateOptions = {}): FakeGithub {
  const model: FakeGithub = {
    org: options.org ?? 'acme',
    users: [],
    repositories: [],
    clock: { current: Date.parse(options.start ?? '2026-01-05T09:00:00Z') },
    sequence: { next: 1000 },
  };
  const rand = random(options.seed ?? 7);
  const people = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
  for (const login of people) addUser(model, login, 'User');
  addUser(model, 'dependabot[bot]', 'Bot');
  addUser(model, 'github-actions[bot]', 'Bot');
  const names = ['api', 'web', 'worker', 'infra', 'docs', 'mobile', 'billing', 'search'];
  const count = options.repositories ?? 3;
  for (let r = 0; r < count; r++) {
    const repo = addRepository(model, names[r] ?? `service-${r}`);
    const pulls = options.pullsPerRepository ?? 12;
    for (let i = 0; i < pulls; i++) generatePull(model, repo, rand, i);
    generateDelivery(model, repo, rand);
    generateIssues(model, repo, rand);
  }
  const first = model.repositories[0];
  if (options.bigPull && first) generateBigPull(model, first);
  return model;
}

export function addUser(model: FakeGithub, login: string, type: 'User' | 'Bot'): FakeUser {
  const databaseId = nextNumber(model);
  const user: FakeUser = {
    id: `${type === 'Bot' ? 'BOT' : 'U'}_${databaseId}`,
    databaseId,
    login,
    name: type === 'User' ? login[0]!.toUpperCase() + login.slice(1) : null,
    type,
  };
  model.users.push(user);
  return user;
}

export function addRepository(model: FakeGithub, name: string): FakeRepository {
  const repo: FakeRepository = {
    id: nextId(model, 'R'),
    databaseId: nextNumber(model),
    owner: model.org,
    name,
    defaultBranch: 'main',
    isArchived: false,
    deleted: false,
    createdAt: tick(model),
    pulls: [],
    deployments: [],
    releases: [],
    tags: [],
    workflowRuns: [],
    issues: [],
    events: [],
    checks: new Map(),
  };
  model.repositories.push(repo);
  addEvent(model, repo, 'CreateEvent', model.users[0]!);
  return repo;
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

export function humans(model: FakeGithub): FakeUser[] {
  return model.users.filter((u) => u.type === 'User');
}

function generatePull(model: FakeGithub, repo: FakeRepository, rand: () => number, i: number): FakePull {
  const bot = rand() < 0.1 ? model.users.find((u) => u.type === 'Bot') : undefined;
  const author = bot ?? pick(rand, humans(model));
  const draft = rand() < 0.25;
  const pull = openPull(model, repo, { author, draft, title: `Change ${i} in ${repo.name}` });
  addCommits(model, pull, 1 + Math.floor(rand() * 4));
  if (draft && rand() < 0.8) markReady(model, repo, pull);
  const reviews = Math.floor(rand() * 3);
  for (let k = 0; k < reviews; k++) {
    const reviewer = pick(
      rand,
      humans(model).filter((u) => u.id !== author.id),
    );
    addReview(
      model,
      repo,
      pull,
      reviewer,
      pick(rand, ['APPROVED', 'COMMENTED', 'CHANGES_REQUESTED'] as const),
      Math.floor(rand() * 3),
    );
  }
  const fate = rand();
  if (!pull.isDraft && fate < 0.65) mergePull(model, repo, pull, pick(rand, humans(model)));
  else if (fate < 0.8) closePull(model, repo, pull);
  return pull;
}

function generateBigPull(model: FakeGithub, repo: FakeRepository): FakePull {
  const [author, ...others] = humans(model);
  const pull = openPull(model, repo, { author: author!, draft: false, title: 'The big refactor' });
  addCommits(model, pull, 150);
  for (let k = 0; k < 120; k++)
    addReview(model, repo, pull, others[k % others.length]!, 'COMMENTED', k === 0 ? 30 : 0);
  mergePull(model, repo, pull, others[0]!);
  return pull;
}

/** Opens a pull request against the default branch. */
export function openPull(
  model: FakeGithub,
  repo: FakeRepository,
  spec: { author: FakeUser | null; draft: boolean; title: string; baseRefName?: string; labels?: string[] },
): FakePull {
  const at = tick(model);
  const number = repo.pulls.length + repo.issues.length + 1;
  const pull: FakePull = {
    id: nextId(model, 'PR'),
    number,
    title: spec.title,
    body: `Body of ${spec.title}`,
    state: 'OPEN',
    isDraft: spec.draft,
    author: spec.author,
    createdAt: at,
    updatedAt: at,
    mergedAt: null,
    closedAt: null,
    mergedBy: null,
    mergeCommitOid: null,
    additions: 10 + (number % 50),
    deletions: number % 20,
    changedFiles: 1 + (number % 7),
    labels: spec.labels ?? (number % 4 === 0 ? ['enhancement'] : []),
    headRefName: `feature/${number}`,
    baseRefName: spec.baseRefName ?? repo.defaultBranch,
    timeline: [],
    commits: [],
    reviews: [],
  };
  repo.pulls.push(pull);
  addEvent(model, repo, 'PullRequestEvent', spec.author ?? model.users[0]!);
  return pull;
}

/** Pushes `count` commits to the pull request's branch. */
export function addCommits(model: FakeGithub, pull: FakePull, count: number): void {
  for (let c = 0; c < count; c++) {
    const at = tick(model, 10_000);
    pull.commits.push({
      oid: oid(`${pull.id}:${pull.commits.length}:${at}`),
      authoredDate: at,
      committedDate: at,
    });
  }
  pull.updatedAt = tick(model);
}

/** A force push: the pull request's commits are replaced. */
export function forcePush(model: FakeGithub, repo: FakeRepository, pull: FakePull, count: number): void {
  pull.commits = [];
  addCommits(model, pull, count);
  addEvent(model, repo, 'PushEvent', pull.author ?? model.users[0]!);
}

export function markReady(model: FakeGithub, repo: FakeRepository, pull: FakePull): void {
  pull.isDraft = false;
  pull.updatedAt = tick(model);
  pull.timeline.push({ type: 'ReadyForReviewEvent', createdAt: pull.updatedAt });
  addEvent(model, repo, 'PullRequestEvent', pull.author ?? model.users[0]!);
}

export function addReview(
  model: FakeGithub,
  repo: FakeRepository,
  pull: FakePull,
  reviewer: FakeUser | null,
  state: 'APPROVED' | 'COMMENTED' | 'CHANGES_REQUESTED',
  comments = 0,
): void {
  const at = tick(model);
  pull.reviews.push({
    id: nextId(model, 'PRR'),
    state,
    author: reviewer,
    createdAt: at,
    submittedAt: at,
    comments: Array.from({ length: comments }, (_, k) => ({
      id: nextId(model, 'PRRC'),
      path: `src/file-${k}.ts`,
      author: reviewer,
      createdAt: at,
      updatedAt: at,
    })),
  });
  pull.updatedAt = at;
  addEvent(model, repo, 'PullRequestReviewEvent', reviewer ?? model.users[0]!);
}

export function mergePull(model: FakeGithub, repo: FakeRepository, pull: FakePull, by: FakeUser): void {
  const at = tick(model);
  Object.assign(pull, { state: 'MERGED', mergedAt: at, closedAt: at, updatedAt: at, mergedBy: by });
  pull.mergeCommitOid = oid(`merge:${pull.id}`);
  const checks: FakeCheck[] = [
    {
      id: nextId(model, 'CR'),
      kind: 'CheckRun',
      name: 'build',
      status: 'COMPLETED',
      conclusion: 'SUCCESS',
      state: 'SUCCESS',
      startedAt: at,
      completedAt: tick(model),
    },
    {
      id: nextId(model, 'SC'),
      kind: 'StatusContext',
      name: 'ci/legacy',
      status: 'COMPLETED',
      conclusion: null,
      state: pull.number % 5 === 0 ? 'FAILURE' : 'SUCCESS',
      startedAt: at,
      completedAt: null,
    },
  ];
  repo.checks.set(pull.mergeCommitOid, checks);
  addEvent(model, repo, 'PullRequestEvent', by);
}

export function closePull(model: FakeGithub, repo: FakeRepository, pull: FakePull): void {
  const at = tick(model);
  Object.assign(pull, { state: 'CLOSED', closedAt: at, updatedAt: at });
  addEvent(model, repo, 'PullRequestEvent', pull.author ?? model.users[0]!);
}
