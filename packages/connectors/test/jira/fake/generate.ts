/**
 * A small Jira site for the tests, the same every time: two projects with scrum boards (one
 * sprint shared across both boards), a kanban board, statuses including one renamed after it was
 * used, hand-written issues whose sprint scope and time in status the tests state exactly, and
 * generated filler issues for pagination.
 */
import type { FakeChange, FakeIssue, FakeJira, FakeSprint } from './model.ts';

export const T0 = Date.parse('2026-01-05T09:00:00Z');
export const hours = (n: number) => new Date(T0 + n * 3_600_000).toISOString();
const day = 24;

/** Sprint 1 runs 2d–16d (completed at 16d 1h), sprint 2 16d 2h–30d (active), sprint 3 is future. */
export const sprintTimes = {
  s1: { start: hours(2 * day), end: hours(16 * day), complete: hours(16 * day + 1) },
  s2: { start: hours(16 * day + 2), end: hours(30 * day) },
} as const;

export const status = {
  todo: '10000',
  progress: '3',
  review: '10004',
  waiting: '10005',
  done: '10001',
} as const;

export interface ScenarioOptions {
  /** Generated issues per project besides the hand-written ones. */
  readonly filler?: number;
  /** Changes of the long-history issue PROJ-8. */
  readonly longHistory?: number;
  readonly storyPointsName?: string;
  readonly timeZone?: string;
}

export function scenario(options: ScenarioOptions = {}): FakeJira {
  const sprints: FakeSprint[] = [
    {
      id: 1,
      boardId: 1,
      name: 'PROJ Sprint 1',
      state: 'closed',
      startDate: sprintTimes.s1.start,
      endDate: sprintTimes.s1.end,
      completeDate: sprintTimes.s1.complete,
      goal: 'Login',
    },
    {
      id: 2,
      boardId: 1,
      name: 'PROJ Sprint 2',
      state: 'active',
      startDate: sprintTimes.s2.start,
      endDate: sprintTimes.s2.end,
    },
    { id: 3, boardId: 1, name: 'PROJ Sprint 3', state: 'future' },
    {
      id: 11,
      boardId: 2,
      name: 'OPS Sprint 1',
      state: 'active',
      startDate: hours(3 * day),
      endDate: hours(17 * day),
      alsoOnBoards: [1],
    },
  ];
  const model: FakeJira = {
    projects: [
      { key: 'PROJ', id: '10000', name: 'Product' },
      { key: 'OPS', id: '10001', name: 'Operations' },
      { key: 'SEC', id: '10002', name: 'Security' },
    ],
    statuses: [
      { id: status.todo, name: 'To Do', category: 'new' },
      { id: status.progress, name: 'In Progress', category: 'indeterminate' },
      {
        id: status.review,
        name: 'In Review',
        category: 'indeterminate',
        renamedFrom: { name: 'QA', at: hours(20 * day) },
      },
      { id: status.waiting, name: 'Waiting for customer', category: 'indeterminate' },
      { id: status.done, name: 'Done', category: 'done' },
    ],
    users: [
      {
        accountId: '5b10a2844c20165700ede21g',
        key: 'JIRAUSER10000',
        name: 'ada',
        displayName: 'Ada Lovelace',
        email: 'ada@acme.example',
        emailVisible: true,
      },
      {
        accountId: '5b10ac8d82e05b22cc7d4ef5',
        key: 'JIRAUSER10001',
        name: 'bob',
        displayName: 'Bob Builder',
        email: 'bob@acme.example',
        emailVisible: false,
      },
      {
        accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
        key: 'JIRAUSER10002',
        name: 'automation',
        displayName: 'Automation for Jira',
        email: 'noreply@acme.example',
        emailVisible: false,
        app: true,
      },
    ],
    boards: [
      { id: 1, name: 'PROJ board', type: 'scrum', projectKey: 'PROJ' },
      { id: 2, name: 'OPS board', type: 'scrum', projectKey: 'OPS' },
      { id: 3, name: 'PROJ flow', type: 'kanban', projectKey: 'PROJ' },
    ],
    sprints,
    issues: [],
    timeZone: options.timeZone ?? 'Europe/Berlin',
    forbidden: new Set(['SEC']),
    fieldIds: { storyPoints: 'customfield_10016', sprint: 'customfield_10020', service: 'customfield_10050' },
    storyPointsName: options.storyPointsName ?? 'Story point estimate',
  };
  const ada = model.users[0]!.accountId;
  const bob = model.users[1]!.accountId;
  const bot = model.users[2]!.accountId;
  let nextId = 10_100;
  const add = (
    project: string,
    type: string,
    created: number,
    initial: Partial<FakeIssue['initial']>,
    changes: FakeChange[],
    extra: Partial<Pick<FakeIssue, 'components' | 'labels'>> = {},
  ) => {
    const number = model.issues.filter((i) => i.project === project).length + 1;
    const issue: FakeIssue = {
      id: nextId++,
      key: `${project}-${number}`,
      project,
      type,
      summary: `${type} ${project}-${number}`,
      priority: type === 'Incident' ? 'Highest' : 'Medium',
      reporter: ada,
      created: hours(created),
      initial: { status: status.todo, sprints: [], points: null, assignee: null, ...initial },
      changes,
      components: extra.components ?? [],
      labels: extra.labels ?? [],
    };
    model.issues.push(issue);
    return issue;
  };
  const to = (at: number, s: string, by = ada): FakeChange => ({ at: hours(at), by, status: s });
  const s1Complete = 16 * day + 1;

  // PROJ-1: in sprint 1 before it starts, done inside it.
  add('PROJ', 'Story', 1, { sprints: [1], points: 3, assignee: ada }, [
    to(50, status.progress),
    to(70, status.review),
    to(80, status.done),
  ]);
  // PROJ-2: in sprint 1 at start, unfinished at completion → carried over to sprint 2.
  add('PROJ', 'Story', 1, { sprints: [1], points: 5 }, [
    to(60, status.progress, bob),
    { at: hours(s1Complete), by: bot, sprints: [1, 2] },
    to(s1Complete + 30, status.done, bob),
  ]);
  // PROJ-3: added to sprint 1 mid-sprint (scope added), done in it.
  add('PROJ', 'Bug', 60, { points: 2 }, [
    { at: hours(100), by: ada, sprints: [1] },
    to(120, status.progress),
    to(150, status.done),
  ]);
  // PROJ-4: in sprint 1 at start, removed mid-sprint (scope removed).
  add('PROJ', 'Task', 1, { sprints: [1], points: 8 }, [{ at: hours(200), by: ada, sprints: [] }]);
  // PROJ-5: re-estimated from 3 to 5 after the start; still open in sprint 2.
  add('PROJ', 'Story', 1, { sprints: [1], points: 3 }, [
    { at: hours(90), by: ada, points: 5 },
    to(95, status.progress),
    { at: hours(s1Complete), by: bot, sprints: [1, 2] },
  ]);
  // PROJ-6: done before it was put in sprint 1 (completed outside the sprint).
  add('PROJ', 'Story', 1, {}, [
    to(10, status.progress),
    to(20, status.done),
    { at: hours(100), by: ada, sprints: [1] },
  ]);
  // PROJ-7: passes through the renamed status (QA, renamed In Review at 20 days) and waits.
  add('PROJ', 'Story', 24, {}, [
    to(30, status.progress),
    to(40, status.review),
    to(46, status.waiting),
    to(58, status.review),
    to(70, status.done),
    to(500, status.progress),
    to(520, status.review),
    to(530, status.done),
  ]);
  // PROJ-8: a history longer than one changelog page.
  const long = Array.from({ length: options.longHistory ?? 35 }, (_, i): FakeChange =>
    i % 2 === 0
      ? { at: hours(30 + i), by: bob, assignee: i % 4 === 0 ? ada : bob }
      : to(30 + i, i % 3 === 0 ? status.review : status.progress, bob),
  );
  add('PROJ', 'Story', 25, {}, long);
  // OPS-1: an incident of the api service (component), resolved.
  add('OPS', 'Incident', 72, {}, [to(73, status.progress, bob), to(76, status.done, bob)], {
    components: ['api'],
  });
  // OPS-2: a bug labelled outage (an incident only through an incidents JQL).
  add('OPS', 'Bug', 80, {}, [to(81, status.progress)], { labels: ['outage'] });
  // OPS-3: in the sprint shared by both boards.
  add('OPS', 'Task', 70, { sprints: [11], points: 1 }, [to(75, status.progress)]);

  const filler = options.filler ?? 12;
  for (let i = 0; i < filler; i++)
    for (const project of ['PROJ', 'OPS']) {
      const start = 100 + i * 7 + (project === 'OPS' ? 3 : 0);
      const path = [status.progress, status.review, status.done].slice(0, (i % 3) + 1);
      add(
        project,
        i % 4 === 1 ? 'Bug' : 'Task',
        start,
        { points: (i % 5) + 1 },
        path.map((s, n) => to(start + (n + 1) * 5, s, n % 2 ? bob : ada)),
      );
    }
  add('SEC', 'Task', 5, {}, []);
  return model;
}
