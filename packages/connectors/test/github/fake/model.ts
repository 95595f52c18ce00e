/**
 * The fake GitHub's in-memory model: an organisation's repositories with pull requests, reviews,
 * commits, deployments, workflow runs, releases, tags and issues. Tests mutate it (add or update a
 * pull request, add a review) between reads; every change that GitHub would show in a
 * repository's events feed also appends an event, like GitHub does.
 */
import { createHash } from 'node:crypto';

export interface FakeUser {
  readonly id: string;
  readonly databaseId: number;
  readonly login: string;
  readonly name: string | null;
  readonly type: 'User' | 'Bot';
}

export interface FakeCommit {
  oid: string;
  authoredDate: string;
  committedDate: string;
}

export interface FakeReviewComment {
  id: string;
  path: string;
  author: FakeUser | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeReview {
  id: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  author: FakeUser | null;
  createdAt: string;
  submittedAt: string;
  comments: FakeReviewComment[];
}

export interface FakeCheck {
  id: string;
  kind: 'CheckRun' | 'StatusContext';
  name: string;
  /** CheckRun: status/conclusion; StatusContext: state. */
  status: 'COMPLETED' | 'IN_PROGRESS' | 'QUEUED';
  conclusion: 'SUCCESS' | 'FAILURE' | 'NEUTRAL' | 'SKIPPED' | 'CANCELLED' | null;
  state: 'SUCCESS' | 'FAILURE' | 'PENDING' | 'ERROR';
  startedAt: string;
  completedAt: string | null;
}

export interface FakePull {
  id: string;
  number: number;
  title: string;
  body: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  author: FakeUser | null;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  mergedBy: FakeUser | null;
  mergeCommitOid: string | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  labels: string[];
  headRefName: string;
  baseRefName: string;
  /** ReadyForReviewEvent / ConvertToDraftEvent, oldest first. */
  timeline: { type: 'ReadyForReviewEvent' | 'ConvertToDraftEvent'; createdAt: string }[];
  commits: FakeCommit[];
  reviews: FakeReview[];
}

export interface FakeDeployment {
  id: string;
  databaseId: number;
  environment: string;
  commitOid: string;
  ref: string;
  createdAt: string;
  /** Oldest first. */
  statuses: {
    state: 'SUCCESS' | 'FAILURE' | 'ERROR' | 'IN_PROGRESS' | 'QUEUED' | 'INACTIVE';
    createdAt: string;
  }[];
}

export interface FakeRelease {
  id: string;
  name: string;
  tagName: string;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
}

export interface FakeTag {
  id: string;
  name: string;
  commitOid: string;
  commitDate: string;
  /** Annotated tags have a tag object with a tagger date. */
  annotated: { oid: string; date: string } | null;
}

export interface FakeWorkflowRun {
  id: number;
  nodeId: string;
  name: string;
  path: string;
  headSha: string;
  headBranch: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: string;
  runStartedAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  state: 'open' | 'closed';
  labels: string[];
  user: FakeUser;
  assignee: FakeUser | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** GitHub lists pull requests among issues; the connector must skip them. */
  isPullRequest: boolean;
}

export interface FakeEvent {
  id: string;
  type: string;
  actor: FakeUser;
  createdAt: string;
}

export interface FakeRepository {
  id: string;
  databaseId: number;
  owner: string;
  name: string;
  defaultBranch: string;
  isArchived: boolean;
  /** Deleted repositories still in an explicit list answer 404. */
  deleted: boolean;
  createdAt: string;
  pulls: FakePull[];
  deployments: FakeDeployment[];
  releases: FakeRelease[];
  tags: FakeTag[];
  workflowRuns: FakeWorkflowRun[];
  issues: FakeIssue[];
  events: FakeEvent[];
  /** Checks per commit oid. */
  checks: Map<string, FakeCheck[]>;
}

export interface FakeGithub {
  org: string;
  users: FakeUser[];
  repositories: FakeRepository[];
  /** The model's clock: every change happens at `now()`, which moves on a minute per call. */
  clock: { current: number };
  /** Ids are unique across the model (GitHub node ids are global). */
  sequence: { next: number };
}

/** A 40-hex object id derived from any text (stable across runs). */
export function oid(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The model's current time, then advances it by `stepMs`. */
export function tick(model: FakeGithub, stepMs = 60_000): string {
  const at = new Date(model.clock.current).toISOString().replace('.000Z', 'Z');
  model.clock.current += stepMs;
  return at;
}

export function nextId(model: FakeGithub, prefix: string): string {
  return `${prefix}_${(model.sequence.next++).toString(36).padStart(6, '0')}`;
}

export function nextNumber(model: FakeGithub): number {
  return model.sequence.next++;
}

export function fullName(repo: FakeRepository): string {
  return `${repo.owner}/${repo.name}`;
}

export function findRepository(model: FakeGithub, owner: string, name: string): FakeRepository | undefined {
  const wanted = `${owner}/${name}`.toLowerCase();
  return model.repositories.find((r) => fullName(r).toLowerCase() === wanted);
}

/** Records an event in the repository's feed, as GitHub does for pushes, PRs, reviews, releases… */
export function addEvent(model: FakeGithub, repo: FakeRepository, type: string, actor: FakeUser): void {
  repo.events.unshift({ id: String(nextNumber(model)), type, actor, createdAt: tick(model, 1000) });
}
