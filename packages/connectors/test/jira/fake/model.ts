/**
 * The fake Jira's data: a site with projects, statuses, users, boards, sprints and issues. An issue
 * is kept as its truth (its state at creation and every change since), from which the fake renders
 * what Jira would serve (fields, changelog, Sprint field) and the tests compute what Pulse must
 * store (time in each status, sprint membership, story points).
 */

export type Flavour = 'cloud' | 'datacenter';

export interface FakeUser {
  readonly accountId: string;
  /** Data Center user key and name. */
  readonly key: string;
  readonly name: string;
  readonly displayName: string;
  readonly email: string;
  /** The profile lets others see the e-mail. */
  readonly emailVisible: boolean;
  readonly app?: boolean;
}

export interface FakeStatus {
  readonly id: string;
  name: string;
  readonly category: 'new' | 'indeterminate' | 'done';
  /** An earlier name and when it changed (changelog entries before then show the old name). */
  renamedFrom?: { readonly name: string; readonly at: string };
}

export interface FakeBoard {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban';
  readonly projectKey: string;
}

export interface FakeSprint {
  readonly id: number;
  readonly boardId: number;
  readonly name: string;
  state: 'future' | 'active' | 'closed';
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  readonly goal?: string;
  /** Also shown on these boards (a sprint with issues of several projects). */
  readonly alsoOnBoards?: readonly number[];
}

/** One change of an issue: the fields it sets (sprints: the complete new list). */
export interface FakeChange {
  readonly at: string;
  readonly by: string;
  readonly status?: string;
  readonly sprints?: readonly number[];
  readonly points?: number | null;
  readonly assignee?: string | null;
}

export interface FakeIssue {
  readonly id: number;
  key: string;
  project: string;
  readonly type: string;
  summary: string;
  readonly priority: string;
  readonly reporter: string;
  readonly created: string;
  readonly initial: {
    readonly status: string;
    readonly sprints: readonly number[];
    readonly points: number | null;
    readonly assignee: string | null;
  };
  readonly changes: FakeChange[];
  readonly components: readonly string[];
  readonly labels: readonly string[];
  /** Deleted in Jira: no longer served. */
  deleted?: boolean;
}

export interface FakeJira {
  readonly projects: { readonly key: string; readonly id: string; readonly name: string }[];
  readonly statuses: FakeStatus[];
  readonly users: FakeUser[];
  readonly boards: FakeBoard[];
  readonly sprints: FakeSprint[];
  readonly issues: FakeIssue[];
  /** The API account's profile time zone: JQL dates are read in it. */
  readonly timeZone: string;
  /** Projects that answer 403 (the account may not browse them). */
  readonly forbidden: Set<string>;
  /** Ids of the custom fields. */
  readonly fieldIds: { readonly storyPoints: string; readonly sprint: string; readonly service: string };
  /** Name of the story-point field (Cloud team-managed: "Story point estimate"). */
  readonly storyPointsName: string;
}

export interface FakeState {
  readonly status: string;
  readonly sprints: readonly number[];
  readonly points: number | null;
  readonly assignee: string | null;
  readonly updated: string;
}

/** The state after one change. */
export function applyChange(state: FakeState, change: FakeChange): FakeState {
  return {
    status: change.status ?? state.status,
    sprints: change.sprints ?? state.sprints,
    points: change.points === undefined ? state.points : change.points,
    assignee: change.assignee === undefined ? state.assignee : change.assignee,
    updated: change.at,
  };
}

/** An issue's state after every change up to and including `at` (default: all). */
export function stateOf(issue: FakeIssue, at?: string): FakeState {
  let state: FakeState = { ...issue.initial, updated: issue.created };
  for (const change of issue.changes) {
    if (at !== undefined && Date.parse(change.at) > Date.parse(at)) break;
    state = applyChange(state, change);
  }
  return state;
}

export function statusById(model: FakeJira, id: string): FakeStatus {
  const status = model.statuses.find((s) => s.id === id);
  if (status === undefined) throw new Error(`fake: no status ${id}`);
  return status;
}

/** A status's name as shown at `at` (before a rename, the old name). */
export function statusNameAt(status: FakeStatus, at: string): string {
  return status.renamedFrom && Date.parse(at) < Date.parse(status.renamedFrom.at)
    ? status.renamedFrom.name
    : status.name;
}

export function userById(model: FakeJira, accountId: string): FakeUser {
  const user = model.users.find((u) => u.accountId === accountId);
  if (user === undefined) throw new Error(`fake: no user ${accountId}`);
  return user;
}

/** Jira's timestamp format: 2026-01-05T10:20:30.000+0000. */
export function jiraTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** Adds a change to an issue (the test's way of "editing" it in Jira). */
export function change(issue: FakeIssue, entry: FakeChange): void {
  issue.changes.push(entry);
}
