/**
 * The Jira connector's streams against the fake Jira, Cloud and Data Center: what a full sync reads,
 * each flavour's pagination, long changelogs, renamed statuses, incremental reads, failures of one
 * project, rate limits, and the reconciliation that finds deleted issues.
 */
import { normalisedRecord, type NormalisedRecord } from '@pulse/core';
import { afterEach, describe, expect, it } from 'vitest';
import { jqlDate } from '../../src/jira/jql.ts';
import { checkJira } from '../../src/jira/check.ts';
import { fakeTime } from '../support/fake-time.ts';
import { ofType } from '../support/sync-streams.ts';
import { hours, scenario, sprintTimes } from './fake/generate.ts';
import { stateOf, type FakeIssue } from './fake/model.ts';
import { startFakeJira, type FakeJiraServer } from './fake/server.ts';
import { jiraContext, syncJira } from './support.ts';

let server: FakeJiraServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const live = (s: FakeJiraServer, ...projects: string[]) =>
  s.model.issues.filter((i) => !i.deleted && projects.includes(i.project));
/** Status changes Jira records (a change to the status it already has is no change). */
const statusMoves = (issue: FakeIssue) => {
  let current = issue.initial.status;
  return issue.changes.filter((c) => {
    const moved = c.status !== undefined && c.status !== current;
    if (c.status !== undefined) current = c.status;
    return moved;
  }).length;
};
const workItem = (records: NormalisedRecord[], key: string) =>
  ofType(records, 'work_item').find((w) => w.key === key)!;
const idOf = (s: FakeJiraServer, issue: FakeIssue) => `127.0.0.1:${new URL(s.baseUrl).port}:${issue.id}`;

describe.each(['cloud', 'datacenter'] as const)('Jira %s connector', (flavour) => {
  const start = (options: { changelogPageSize?: number; inlineHistories?: number } = {}) =>
    startFakeJira(scenario(), { flavour, changelogPageSize: 10, ...options });

  it('a full sync reads every issue, sprint and status change the site has', async () => {
    server = await start();
    const s = server;
    const { records, failures } = await syncJira(
      jiraContext(s, { incidents: { serviceField: 'components' } }),
    );
    expect(failures).toEqual({});
    for (const record of records) expect(normalisedRecord.safeParse(record).error).toBeUndefined();

    const issues = live(s, 'PROJ', 'OPS');
    expect(
      ofType(records, 'work_item')
        .map((w) => w.key)
        .sort(),
    ).toEqual(issues.map((i) => i.key).sort());
    for (const issue of issues) {
      const item = workItem(records, issue.key);
      const state = stateOf(issue);
      expect(item.externalId).toBe(idOf(s, issue));
      expect(item.status).toBe(s.model.statuses.find((x) => x.id === state.status)!.name);
      // One transition for the creation, one per status change.
      const moves = statusMoves(issue);
      expect(
        ofType(records, 'transition').filter((t) => t.workItem.externalId === item.externalId),
      ).toHaveLength(moves + 1);
    }
    expect([...new Set(ofType(records, 'sprint').map((x) => x.name))].sort()).toEqual([
      'OPS Sprint 1',
      'PROJ Sprint 1',
      'PROJ Sprint 2',
      'PROJ Sprint 3',
    ]);
    expect(ofType(records, 'sprint').find((x) => x.name === 'PROJ Sprint 1')).toMatchObject({
      state: 'closed',
      board: '1',
      startsAt: sprintTimes.s1.start,
      completedAt: sprintTimes.s1.complete,
    });

    // Sprint history from the Sprint field's changelog, story points with their re-estimate.
    const sprintId = (n: number) => `127.0.0.1:${new URL(s.baseUrl).port}:sprint:${n}`;
    expect(workItem(records, 'PROJ-2').sprints).toEqual([
      { sprint: { externalId: sprintId(1) }, periods: [{ from: hours(1) }] },
      { sprint: { externalId: sprintId(2) }, periods: [{ from: sprintTimes.s1.complete }] },
    ]);
    expect(workItem(records, 'PROJ-4').sprints).toEqual([
      { sprint: { externalId: sprintId(1) }, periods: [{ from: hours(1), to: hours(200) }] },
    ]);
    expect(workItem(records, 'PROJ-5')).toMatchObject({
      storyPoints: 5,
      storyPointsHistory: [
        { at: hours(1), value: 3 },
        { at: hours(90), value: 5 },
      ],
    });

    // A renamed status keeps one name through its history; "Waiting for …" waits.
    const proj7 = ofType(records, 'transition').filter(
      (t) => t.workItem.externalId === workItem(records, 'PROJ-7').externalId,
    );
    proj7.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    expect(proj7.map((t) => `${t.toStatus}:${t.toCategory}`)).toEqual([
      'To Do:todo',
      'In Progress:in_progress',
      'In Review:in_progress',
      'Waiting for customer:waiting',
      'In Review:in_progress',
      'Done:done',
      'In Progress:in_progress',
      'In Review:in_progress',
      'Done:done',
    ]);

    // Kinds from type names; the incident with its service; others delete a stale incident.
    expect(workItem(records, 'PROJ-3').kind).toBe('defect');
    expect(ofType(records, 'incident')).toEqual([
      expect.objectContaining({
        title: 'Incident OPS-1',
        status: 'resolved',
        service: 'api',
        severity: 'Highest',
        startedAt: hours(72),
        resolvedAt: hours(76),
      }),
    ]);
    const deletions = ofType(records, 'deletion');
    expect(deletions.filter((d) => d.recordType === 'incident')).toHaveLength(issues.length - 1);
    // The reconciliation lists every issue id.
    expect(deletions.find((d) => d.keepOnly !== undefined)?.keepOnly).toEqual({
      externalIds: expect.arrayContaining(issues.map((i) => idOf(s, i))),
      projectKeys: ['PROJ', 'OPS'],
    });

    // People: Ada's e-mail is visible; Bob's is not; the automation account is a bot.
    const ada = workItem(records, 'PROJ-1').assignee!;
    expect(ada).toMatchObject({
      source: 'jira',
      name: 'Ada Lovelace',
      email: 'ada@acme.example',
      emailVerified: flavour === 'cloud',
      isBot: false,
    });
    expect(ada.externalId).toBe(
      flavour === 'cloud' ? '5b10a2844c20165700ede21g' : `127.0.0.1:${new URL(s.baseUrl).port}:JIRAUSER10000`,
    );
    const byBot = ofType(records, 'transition').find((t) => t.by?.name === 'Automation for Jira');
    expect(byBot === undefined || byBot.by?.isBot === true).toBe(true);

    // Each flavour's own pagination.
    const lines = s.requestLines();
    if (flavour === 'cloud') {
      const searches = s.http.requests.filter((r) => r.path === '/rest/api/3/search/jql');
      expect(searches.length).toBeGreaterThan(2);
      expect(
        searches.some((r) => (JSON.parse(r.body) as { nextPageToken?: string }).nextPageToken !== undefined),
      ).toBe(true);
      // PROJ-8's history is longer than the inline page: read in pages of 10 from the issue.
      const proj8 = issues.find((i) => i.key === 'PROJ-8')!;
      expect(lines.filter((l) => l.startsWith(`GET /rest/api/3/issue/${proj8.id}/changelog`))).toEqual([
        `GET /rest/api/3/issue/${proj8.id}/changelog?startAt=0&maxResults=100`,
        `GET /rest/api/3/issue/${proj8.id}/changelog?startAt=10&maxResults=100`,
        `GET /rest/api/3/issue/${proj8.id}/changelog?startAt=20&maxResults=100`,
        `GET /rest/api/3/issue/${proj8.id}/changelog?startAt=30&maxResults=100`,
      ]);
      expect(lines.some((l) => l.startsWith('GET /rest/api/2/') || l === 'POST /rest/api/3/search')).toBe(
        false,
      );
    } else {
      const starts = s.http.requests
        .filter(
          (r) =>
            r.path === '/rest/api/2/search' &&
            r.query.get('jql')?.startsWith('project = "PROJ"') &&
            r.query.get('fields') !== 'id',
        )
        .map((r) => r.query.get('startAt'));
      // 20 PROJ issues, 10 a page, each page from five issues back: 0–9, 5–14, 10–19.
      expect(starts).toEqual(['0', '5', '10']);
      expect(lines.some((l) => l.startsWith('POST /rest/api/3/'))).toBe(false);
    }
    expect(workItem(records, 'PROJ-8').key).toBe('PROJ-8');
  });

  it('reads histories longer than the inline page through the issue', async () => {
    server = await start({ inlineHistories: 3 });
    const { records, failures } = await syncJira(jiraContext(server));
    expect(failures).toEqual({});
    const proj8 = server.model.issues.find((i) => i.key === 'PROJ-8')!;
    const moves = statusMoves(proj8);
    expect(moves).toBe(12);
    expect(
      ofType(records, 'transition').filter((t) => t.workItem.externalId === idOf(server!, proj8)),
    ).toHaveLength(moves + 1);
    const through =
      flavour === 'cloud' ? `/rest/api/3/issue/${proj8.id}/changelog` : `/rest/api/2/issue/PROJ-8`;
    expect(server.http.requests.some((r) => r.path === through)).toBe(true);
  });

  it('an incremental sync asks for changes since the cursor, in the account time zone, and gets only those', async () => {
    server = await start();
    const s = server;
    const first = await syncJira(jiraContext(s));
    const newest = first.cursors['issues PROJ'] as { updated: string };
    const newestOps = first.cursors['issues OPS'] as { updated: string };
    const proj3 = s.model.issues.find((i) => i.key === 'PROJ-3')!;
    proj3.changes.push({ at: hours(900), by: proj3.reporter, status: '10004' });
    s.http.requests.length = 0;
    const second = await syncJira(jiraContext(s), first.cursors);
    expect(second.failures).toEqual({});
    const from = jqlDate(new Date(Date.parse(newest.updated) - 10 * 60_000).toISOString(), 'Europe/Berlin');
    const jqls = s.http.requests
      .map((r) => (r.method === 'POST' ? (JSON.parse(r.body) as { jql?: string }).jql : r.query.get('jql')))
      .filter((q): q is string => typeof q === 'string');
    expect(jqls).toContain(`project = "PROJ" AND updated >= "${from}" ORDER BY updated ASC, key ASC`);
    const opsFrom = jqlDate(
      new Date(Date.parse(newestOps.updated) - 10 * 60_000).toISOString(),
      'Europe/Berlin',
    );
    const expected = live(s, 'PROJ', 'OPS')
      .filter((i) => Date.parse(stateOf(i).updated) >= fromBerlin(i.project === 'PROJ' ? from : opsFrom))
      .map((i) => i.key)
      .sort();
    expect(
      ofType(second.records, 'work_item')
        .map((w) => w.key)
        .sort(),
    ).toEqual(expected);
    expect(expected).toContain('PROJ-3');
    expect(expected.length).toBeLessThan(5);
    expect(workItem(second.records, 'PROJ-3').status).toBe('In Review');
    // The reconciliation is not due again yet: no id listing.
    expect(ofType(second.records, 'deletion').filter((d) => d.keepOnly)).toEqual([]);
  });

  it('fails only the partitions of a project that is gone (404) or hidden (403), with codes and hints', async () => {
    server = await start();
    const { records, failures } = await syncJira(
      jiraContext(server, { projects: { keys: ['PROJ', 'NOPE', 'SEC'] } }),
    );
    const codes = Object.fromEntries(
      Object.entries(failures).map(([key, e]) => [key, (e as { code: string }).code]),
    );
    expect(codes).toEqual({
      'sprints project:NOPE': 'JIRA_PROJECT_NOT_FOUND',
      'sprints project:SEC': 'JIRA_PERMISSION_DENIED',
      'issues NOPE': 'JIRA_PROJECT_NOT_FOUND',
      'issues SEC': 'JIRA_PERMISSION_DENIED',
      'deletions ': 'JIRA_PROJECT_NOT_FOUND',
    });
    // The path and status, never Jira's own text: run errors are readable by viewers.
    expect((failures['issues NOPE'] as Error).message).toMatch(/project NOPE .*\/project\/NOPE answered 404/);
    expect((failures['issues NOPE'] as Error).message).not.toContain('No project could be found');
    expect(ofType(records, 'work_item').map((w) => w.projectKey)).toEqual(
      live(server, 'PROJ').map(() => 'PROJ'),
    );
    // Nothing is deleted on a partial listing.
    expect(ofType(records, 'deletion').filter((d) => d.keepOnly)).toEqual([]);
  });

  it('a refused token fails every partition with SOURCE_AUTH_FAILED, and the check says how to fix it', async () => {
    server = await start();
    const ctx = jiraContext(server, {}, { token: 'wrong-token-000' });
    const check = await checkJira(ctx);
    expect(check).toMatchObject({ ok: false, code: 'SOURCE_AUTH_FAILED' });
    expect(check.ok ? '' : check.hint).toMatch(flavour === 'cloud' ? /API token/ : /personal access token/);
    const { failures } = await syncJira(jiraContext(server, {}, { token: 'wrong-token-000' }));
    expect(Object.values(failures).map((e) => (e as { code: string }).code)).toEqual(
      Object.keys(failures).map(() => 'SOURCE_AUTH_FAILED'),
    );
    expect(JSON.stringify(Object.values(failures).map((e) => (e as Error).message))).not.toContain(
      'wrong-token-000',
    );
    expect(await checkJira(jiraContext(server))).toMatchObject({ ok: true });
    // A source that echoes the credentials in its error text gets neither them nor its text into Pulse's.
    server.http.fault(
      { status: 403, json: { errorMessages: [`Token ${server.token} may not browse PROJ`], errors: {} } },
      // Asked four times: a permission answer is believed only when it persists.
      { path: /\/project\/PROJ$/, times: 4 },
    );
    const echoed = await checkJira(jiraContext(server));
    expect(echoed).toMatchObject({ ok: false, code: 'JIRA_PERMISSION_DENIED' });
    expect(echoed.ok ? '' : echoed.message).toContain('project PROJ');
    expect(echoed.ok ? '' : echoed.message).not.toContain(server.token);
    expect(echoed.ok ? '' : echoed.message).not.toContain('may not browse');
  });

  it('waits as a 429 Retry-After says, then carries on', async () => {
    server = await start();
    const time = fakeTime();
    const search = flavour === 'cloud' ? /\/rest\/api\/3\/search\/jql/ : /\/rest\/api\/2\/search/;
    server.http.fault(
      {
        status: 429,
        headers: { 'retry-after': '7', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' },
        json: { errorMessages: ['Rate limit exceeded.'] },
      },
      { path: search, times: 2 },
    );
    const { records, failures } = await syncJira(
      jiraContext(server, {}, { http: { now: time.now, sleep: time.sleep } }),
    );
    expect(failures).toEqual({});
    expect(time.sleeps).toEqual([7000, 7000]);
    expect(ofType(records, 'work_item')).toHaveLength(live(server, 'PROJ', 'OPS').length);
  });

  it('reconciles deletions: a deleted issue is left out of the kept ids, only when due', async () => {
    server = await start();
    const s = server;
    const now = new Date('2026-03-01T12:00:00Z');
    const first = await syncJira(jiraContext(s, {}, { now: () => now }));
    const gone = s.model.issues.find((i) => i.key === 'PROJ-4')!;
    gone.deleted = true;
    s.http.requests.length = 0;
    const soon = await syncJira(
      jiraContext(s, {}, { now: () => new Date(now.getTime() + 3_600_000) }),
      first.cursors,
    );
    expect(ofType(soon.records, 'deletion').filter((d) => d.keepOnly)).toEqual([]);
    const later = await syncJira(
      jiraContext(s, {}, { now: () => new Date(now.getTime() + 25 * 3_600_000) }),
      soon.cursors,
    );
    const kept = ofType(later.records, 'deletion').find((d) => d.keepOnly)!.keepOnly!.externalIds;
    expect(kept).not.toContain(idOf(s, gone));
    expect(kept.sort()).toEqual(
      live(s, 'PROJ', 'OPS')
        .map((i) => idOf(s, i))
        .sort(),
    );
  });

  it('reads JQL partitions and marks issues matching the incidents JQL as incidents', async () => {
    server = await start();
    const { records, failures } = await syncJira(
      jiraContext(server, {
        projects: { jql: ['project = OPS AND issuetype in (Bug, Incident)'] },
        incidents: { jql: 'labels = outage' },
      }),
    );
    expect(failures).toEqual({});
    expect(
      ofType(records, 'work_item')
        .map((w) => w.key)
        .sort(),
    ).toEqual(
      live(server, 'OPS')
        .filter((i) => i.type === 'Bug' || i.type === 'Incident')
        .map((i) => i.key)
        .sort(),
    );
    expect(
      ofType(records, 'incident')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Bug OPS-2', 'Incident OPS-1']);
    // No project keys: sprints need boards named in the settings.
    expect(ofType(records, 'sprint')).toEqual([]);
  });
});

/** A JQL date in Europe/Berlin (UTC+1 in winter) as epoch ms. */
function fromBerlin(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}:00+01:00`);
}
