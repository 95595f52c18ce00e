/**
 * The demo organisation as plain objects, before it becomes table rows (tables.ts). Entities point
 * at each other directly; ids are given only when rows are written. Times are UTC milliseconds.
 */
import type { TeamProfile } from './profiles.ts';

export type IdentitySource = 'github' | 'git' | 'jira';

export interface Person {
  readonly name: string;
  readonly login: string;
  readonly email: string;
  readonly isBot: boolean;
}

export interface Identity {
  readonly person: Person;
  readonly source: IdentitySource;
  readonly externalId: string;
  readonly login: string | null;
  readonly email: string | null;
  readonly isBot: boolean;
}

/** A human of the organisation with the accounts they work under. */
export interface Human {
  readonly person: Person;
  readonly github: Identity;
  /** Set for people whose local git e-mail is known; their branch commits carry it. */
  readonly git: Identity | null;
  readonly jira: Identity;
  /** How much more (or less) than the team's average this person ships. */
  readonly productivity: number;
}

export interface Team {
  readonly key: string;
  readonly name: string;
  readonly projectKey: string;
  /** Sprints start on this weekday (0 = Sunday). */
  readonly sprintWeekday: number;
  readonly profile: TeamProfile;
}

export interface Membership {
  readonly team: Team;
  readonly human: Human;
  readonly role: 'lead' | 'engineer';
  readonly validFrom: number;
  validTo: number | null;
}

export interface Repository {
  readonly team: Team;
  readonly name: string;
  readonly fullName: string;
  readonly externalId: string;
  readonly mergeMethod: 'merge' | 'squash';
  /** Where the code lives and its file extension, for review comment paths. */
  readonly sourceRoot: string;
  readonly extension: string;
  readonly dependencyBot: 'dependabot' | 'renovate';
}

export interface Commit {
  readonly repository: Repository;
  readonly sha: string;
  readonly author: Identity;
  readonly committer: Identity;
  readonly authoredAt: number;
  readonly committedAt: number;
  message: string;
  readonly additions: number;
  readonly deletions: number;
  readonly filesChanged: number;
  readonly parents: readonly string[];
  readonly onMain: boolean;
  /** The pull request a merge or squash commit lands; its message is written once PRs are numbered. */
  readonly lands: PullRequest | null;
}

/** A commit of a pull request's branch as planned, before the commit graph gives it a hash. */
export interface PlannedCommit {
  readonly at: number;
  readonly message: string;
  readonly additions: number;
  readonly deletions: number;
}

export type PullRequestKind = 'work' | 'dependency' | 'revert' | 'hotfix';

export interface PullRequest {
  readonly repository: Repository;
  readonly kind: PullRequestKind;
  number: number;
  title: string;
  body: string;
  headBranch: string;
  state: 'open' | 'closed' | 'merged';
  readonly author: Identity;
  /** The identity that authors the branch commits (a git identity when the person has one). */
  readonly committer: Identity;
  mergedBy: Identity | null;
  readonly labels: string[];
  readonly firstCommitAt: number;
  readonly createdAt: number;
  readyAt: number | null;
  mergedAt: number | null;
  closedAt: number | null;
  updatedAt: number;
  planned: PlannedCommit[];
  readonly changedFiles: number;
  readonly commits: Commit[];
  mergeCommitSha: string | null;
  reviews: Review[];
  comments: Comment[];
  workItem: WorkItem | null;
  linkedIn: 'title' | 'branch' | null;
  /** For a revert: the pull request whose change it takes back. */
  readonly reverts: PullRequest | null;
}

export interface Review {
  readonly reviewer: Identity;
  readonly state: 'approved' | 'changes_requested' | 'commented';
  readonly body: string | null;
  readonly submittedAt: number;
}

export interface Comment {
  readonly review: Review | null;
  readonly author: Identity;
  readonly kind: 'review' | 'conversation';
  readonly body: string;
  readonly path: string | null;
  readonly createdAt: number;
}

export interface Deployment {
  readonly repository: Repository;
  readonly environment: 'staging' | 'production';
  readonly commitSha: string;
  readonly ref: string;
  readonly status: 'success' | 'failure';
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface Incident {
  readonly title: string;
  readonly severity: 'sev1' | 'sev2' | 'sev3';
  readonly repository: Repository | null;
  /** Set when the incident names the deployment that caused it. */
  readonly deployment: Deployment | null;
  readonly startedAt: number;
  resolvedAt: number | null;
}

export type StatusCategory = 'todo' | 'in_progress' | 'waiting' | 'done';

export interface Status {
  readonly name: string;
  readonly category: StatusCategory;
}

export interface Transition {
  readonly from: Status | null;
  readonly to: Status;
  readonly at: number;
  readonly by: Identity | null;
}

export interface WorkItem {
  readonly team: Team;
  key: string;
  readonly title: string;
  readonly kind: 'feature' | 'defect' | 'debt' | 'other';
  /** The Jira issue type: Story, Bug, Task. */
  readonly typeName: string;
  readonly priority: string;
  readonly storyPoints: number | null;
  readonly assignee: Identity | null;
  readonly reporter: Identity;
  readonly pullRequests: PullRequest[];
  createdAt: number;
  transitions: Transition[];
}

export interface SprintItem {
  readonly workItem: WorkItem;
  readonly addedAt: number;
  readonly removedAt: number | null;
  readonly inScopeAtStart: boolean;
  readonly inScopeAtEnd: boolean;
  readonly completed: boolean;
}

export interface Sprint {
  readonly team: Team;
  readonly name: string;
  readonly state: 'future' | 'active' | 'closed';
  readonly goal: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly completedAt: number | null;
  readonly items: SprintItem[];
}

export interface DemoData {
  readonly start: number;
  readonly end: number;
  readonly humans: readonly Human[];
  readonly people: readonly Person[];
  readonly identities: readonly Identity[];
  readonly teams: readonly Team[];
  readonly memberships: readonly Membership[];
  readonly repositories: readonly Repository[];
  readonly commits: readonly Commit[];
  readonly pullRequests: readonly PullRequest[];
  readonly deployments: readonly Deployment[];
  readonly incidents: readonly Incident[];
  readonly workItems: readonly WorkItem[];
  readonly sprints: readonly Sprint[];
}
