/**
 * The demo tells a story: the teams clearly differ, weekends and holidays are quiet, bots open
 * pull requests, bad releases are rolled back, reverted or hotfixed. These tests keep it telling.
 */
import { describe, expect, it } from 'vitest';
import { HOUR, isWinterBreak } from './calendar.ts';
import { generateDemo } from './generate.ts';
import type { PullRequest, Team } from './model.ts';

const data = generateDemo({ seed: 42, end: new Date('2026-01-15T00:00:00Z'), days: 365 });
const team = (key: string) => data.teams.find((t) => t.key === key)!;
const elite = team('payments');
const struggling = team('billing');
const prsOf = (t: Team) => data.pullRequests.filter((p) => p.repository.team === t);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const productionSuccesses = (t: Team) =>
  data.deployments.filter(
    (d) => d.repository.team === t && d.environment === 'production' && d.status === 'success',
  );
const reviewWait = (pr: PullRequest) => (pr.reviews[0]!.submittedAt - pr.readyAt!) / HOUR;

describe('team profiles', () => {
  it('the elite team deploys to production several times as often as the struggling team', () => {
    const eliteCount = productionSuccesses(elite).length;
    const strugglingCount = productionSuccesses(struggling).length;
    expect(eliteCount).toBeGreaterThan(4 * strugglingCount);
    expect(eliteCount / 250).toBeGreaterThan(2); // several per working day
  });

  it('the elite team gets reviews within hours, the struggling team waits days', () => {
    const waits = (t: Team) =>
      prsOf(t)
        .filter((p) => p.kind === 'work' && p.reviews.length > 0)
        .map(reviewWait);
    expect(median(waits(elite))).toBeLessThan(2);
    expect(median(waits(struggling))).toBeGreaterThan(24);
  });

  it('the struggling team ships larger pull requests and has more incidents per deployment', () => {
    const size = (t: Team) =>
      median(
        prsOf(t)
          .filter((p) => p.kind === 'work')
          .map((p) => p.commits.reduce((s, c) => s + c.additions + c.deletions, 0)),
      );
    expect(size(struggling)).toBeGreaterThan(4 * size(elite));
    const rate = (t: Team) =>
      data.incidents.filter((i) => i.repository?.team === t && i.deployment !== null).length /
      productionSuccesses(t).length;
    expect(rate(struggling)).toBeGreaterThan(3 * rate(elite));
  });
});

describe('the calendar', () => {
  it('has far fewer merges on weekends and in the winter break than on weekdays', () => {
    const merged = data.pullRequests.filter((p) => p.mergedAt !== null && !isWinterBreak(p.mergedAt));
    const weekend = merged.filter((p) => [0, 6].includes(new Date(p.mergedAt!).getUTCDay())).length;
    expect(weekend / 2).toBeLessThan(((merged.length - weekend) / 5) * 0.05);
    const breakMerges = data.pullRequests.filter(
      (p) => p.mergedAt !== null && isWinterBreak(p.mergedAt),
    ).length;
    expect(breakMerges).toBeLessThan(merged.length / 100);
  });
});

describe('pull requests', () => {
  it('includes bot pull requests from dependabot and renovate', () => {
    const bots = data.people.filter((p) => p.isBot).map((p) => p.login);
    expect(bots.sort()).toEqual(['dependabot[bot]', 'renovate[bot]']);
    const botPrs = data.pullRequests.filter((p) => p.author.isBot);
    expect(botPrs.length).toBeGreaterThan(100);
    expect(new Set(botPrs.map((p) => p.author.login))).toEqual(new Set(bots));
    expect(botPrs.every((p) => p.labels.includes('dependencies'))).toBe(true);
  });

  it('moves through draft, review and merge in order; some stay open, some are closed, some unreviewed', () => {
    for (const pr of data.pullRequests) {
      if (pr.readyAt !== null) expect(pr.readyAt).toBeGreaterThanOrEqual(pr.createdAt);
      expect(pr.firstCommitAt).toBeLessThanOrEqual(pr.createdAt);
      for (const r of pr.reviews) expect(r.submittedAt).toBeGreaterThanOrEqual(pr.readyAt ?? Infinity);
      if (pr.mergedAt !== null)
        expect(
          Math.max(...pr.reviews.map((r) => r.submittedAt), ...pr.commits.map((c) => c.committedAt)),
        ).toBeLessThanOrEqual(pr.mergedAt);
      for (const r of pr.reviews) expect(r.reviewer.person).not.toBe(pr.author.person);
    }
    const states = (s: PullRequest['state']) => data.pullRequests.filter((p) => p.state === s).length;
    expect(states('open')).toBeGreaterThan(5);
    expect(states('closed')).toBeGreaterThan(100);
    expect(
      data.pullRequests.filter((p) => p.readyAt !== null && p.readyAt > p.createdAt).length,
    ).toBeGreaterThan(300);
    expect(
      data.pullRequests.filter((p) => p.state === 'merged' && p.reviews.length === 0 && p.kind === 'work')
        .length,
    ).toBeGreaterThan(50);
    expect(
      prsOf(struggling).filter((p) => p.reviews.filter((r) => r.state === 'changes_requested').length >= 2)
        .length,
    ).toBeGreaterThan(50);
  });

  it('repairs bad releases with rollbacks, reverts and hotfixes', () => {
    const reverts = data.pullRequests.filter((p) => p.kind === 'revert' && p.state === 'merged');
    expect(reverts.length).toBeGreaterThan(3);
    for (const pr of reverts) {
      expect(pr.title).toBe(`Revert "${pr.reverts!.title}"`);
      const landing = data.commits.find((c) => c.sha === pr.mergeCommitSha)!;
      expect(landing.message.startsWith('Revert "')).toBe(true);
    }
    const hotfixes = data.pullRequests.filter((p) => p.kind === 'hotfix');
    expect(hotfixes.length).toBeGreaterThan(3);
    expect(hotfixes.every((p) => p.labels.includes('hotfix') && p.headBranch.startsWith('hotfix/'))).toBe(
      true,
    );
    const rollbacks = data.deployments.filter((d, i, all) => {
      if (d.environment !== 'production' || d.status !== 'success') return false;
      const previous = all
        .slice(0, i)
        .reverse()
        .find(
          (x) => x.repository === d.repository && x.environment === 'production' && x.status === 'success',
        );
      const at = (sha: string) =>
        data.commits.find((c) => c.repository === d.repository && c.sha === sha)!.committedAt;
      return previous !== undefined && at(d.commitSha) < at(previous.commitSha);
    });
    expect(rollbacks.length).toBeGreaterThan(5);
  });
});

describe('people, work items and sprints', () => {
  it('gives people GitHub, Jira and sometimes git identities, and moves two of them between teams', () => {
    expect(data.humans.length).toBe(24);
    expect(data.humans.filter((h) => h.git !== null).length).toBe(12);
    const moved = data.humans.filter((h) => data.memberships.filter((m) => m.human === h).length === 2);
    expect(moved.length).toBe(2);
    for (const h of moved) {
      const [before, after] = data.memberships.filter((m) => m.human === h);
      expect(before!.validTo).toBe(after!.validFrom);
      expect(before!.team).not.toBe(after!.team);
    }
  });

  it('keeps work item history consistent and links pull requests by key', () => {
    for (const item of data.workItems) {
      expect(item.key).toMatch(new RegExp(`^${item.team.projectKey}-\\d+$`));
      item.transitions.forEach((t, i) => {
        expect(t.from).toBe(i === 0 ? null : item.transitions[i - 1]!.to);
        if (i > 0) expect(t.at).toBeGreaterThan(item.transitions[i - 1]!.at);
      });
      for (const pr of item.pullRequests) {
        if (pr.linkedIn === 'title') expect(pr.title).toContain(item.key);
        if (pr.linkedIn === 'branch') expect(pr.headBranch).toContain(item.key);
      }
    }
    expect(new Set(data.workItems.map((w) => w.key)).size).toBe(data.workItems.length);
  });

  it('plans two-week sprints with carry-over and scope added mid-sprint', () => {
    const entries = data.sprints.flatMap((s) => s.items.map((i) => ({ sprint: s, ...i })));
    expect(data.sprints.every((s) => s.endsAt - s.startsAt === 14 * 24 * HOUR)).toBe(true);
    expect(entries.filter((e) => !e.inScopeAtStart && e.sprint.state !== 'future').length).toBeGreaterThan(
      50,
    );
    const sprintsPerItem = new Map<unknown, number>();
    for (const e of entries) sprintsPerItem.set(e.workItem, (sprintsPerItem.get(e.workItem) ?? 0) + 1);
    expect([...sprintsPerItem.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
    expect(entries.filter((e) => e.completed).length).toBeGreaterThan(500);
    expect(data.sprints.filter((s) => s.state === 'active')).toHaveLength(4);
  });
});
