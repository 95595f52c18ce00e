import { normalisedRecord } from '@pulse/core';
import { afterEach, describe, expect, it } from 'vitest';
import { pullRequestsStream } from '../../src/github/streams/pull-requests.ts';
import { addCommits, addReview, forcePush, generateOrganisation, openPull } from './fake/generate.ts';
import { startFakeGithub, type FakeGithubServer } from './fake/server.ts';
import { expectedPullRequestRecords } from './expected.ts';
import { githubContext, ofType, readPartition } from './support.ts';

let server: FakeGithubServer | undefined;
afterEach(async () => {
  expect(server?.violations ?? []).toEqual([]);
  await server?.close();
  server = undefined;
});

const partitionOf = (fullName: string) => ({ key: fullName, data: { defaultBranch: 'main' } });

async function readAll(fake: FakeGithubServer, cursors: Record<string, unknown> = {}) {
  const ctx = githubContext(fake, {});
  const results = [];
  for (const repo of fake.model.repositories) {
    const key = `${repo.owner}/${repo.name}`;
    results.push({
      key,
      ...(await readPartition(ctx, pullRequestsStream, partitionOf(key), (cursors[key] ?? null) as never)),
    });
  }
  return {
    records: results.flatMap((r) => r.records),
    cursors: Object.fromEntries(results.map((r) => [r.key, r.cursor])),
    items: results.reduce((n, r) => n + r.items, 0),
  };
}

describe('pull_requests stream', () => {
  it('reads every pull request, review and review comment exactly as the model has them', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 3, pullsPerRepository: 15 }));
    const { records, cursors } = await readAll(server);
    for (const record of records) expect(normalisedRecord.safeParse(record).error).toBeUndefined();
    const expected = expectedPullRequestRecords(server.model);
    for (const type of ['pull_request', 'review', 'review_comment'] as const) {
      expect(ofType(records, type)).toEqual(ofType(expected, type));
    }
    expect(ofType(records, 'pull_request')).toHaveLength(45);
    // The model has drafts that became ready, drafts still open, bots and merged/closed/open states.
    const prs = ofType(records, 'pull_request');
    expect(prs.some((p) => p.author?.isBot)).toBe(true);
    expect(new Set(prs.map((p) => p.state))).toEqual(new Set(['open', 'closed', 'merged']));
    expect(prs.some((p) => p.readyForReviewAt !== undefined && p.readyForReviewAt !== p.createdAt)).toBe(
      true,
    );
    const first = server.model.repositories[0]!;
    const newest = [...first.pulls].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
    expect(cursors[`${first.owner}/${first.name}`]).toEqual({
      updatedAt: newest.updatedAt,
      etag: expect.any(String),
    });
  });

  it('follows nested connections past 100: 150 commits, 120 reviews, a review with 30 comments', async () => {
    server = await startFakeGithub(
      generateOrganisation({ repositories: 1, pullsPerRepository: 3, bigPull: true }),
    );
    const { records } = await readAll(server);
    const big = ofType(records, 'pull_request').find((p) => p.title === 'The big refactor')!;
    expect(big.commits).toHaveLength(150);
    const reviews = ofType(records, 'review').filter((r) => r.pullRequest.externalId === big.externalId);
    expect(reviews).toHaveLength(120);
    const comments = ofType(records, 'review_comment').filter(
      (c) => c.pullRequest.externalId === big.externalId,
    );
    expect(comments).toHaveLength(30);
    expect(ofType(records, 'pull_request')).toEqual(
      ofType(expectedPullRequestRecords(server.model), 'pull_request'),
    );
    const operations = server.requests.filter((r) => r.operation).map((r) => r.operation);
    expect(operations.sort()).toEqual([
      'PullRequestCommits',
      'PullRequestReviews',
      'PullRequests',
      'ReviewComments',
    ]);
  });

  it('reads only what changed since the cursor, and picks up force pushes and new reviews', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 2, pullsPerRepository: 120 }));
    const full = await readAll(server);
    const model = server.model;
    const [repo, other] = model.repositories;
    const pull = repo!.pulls[3]!;
    forcePush(model, repo!, pull, 2);
    addReview(model, repo!, repo!.pulls[10]!, model.users[1]!, 'APPROVED', 1);
    const added = openPull(model, repo!, { author: model.users[2]!, draft: false, title: 'A new change' });
    addCommits(model, added, 1);
    server.requests.length = 0;

    const next = await readAll(server, full.cursors);
    // Changed repository: the probe, then one page; untouched repository: the probe answered 304.
    expect(server.requests.map((r) => `${r.status} ${r.operation ?? r.path}`)).toEqual([
      `200 /repos/${repo!.owner}/${repo!.name}/events?per_page=1`,
      '200 PullRequests',
      `304 /repos/${other!.owner}/${other!.name}/events?per_page=1`,
    ]);
    // Changed pull requests, plus those inside the 10-minute overlap before the old cursor.
    const oldCursor = (full.cursors[`${repo!.owner}/${repo!.name}`] as { updatedAt: string }).updatedAt;
    const inWindow = repo!.pulls.filter(
      (p) => Date.parse(p.updatedAt) >= Date.parse(oldCursor) - 10 * 60_000,
    );
    const prs = ofType(next.records, 'pull_request');
    expect(prs.map((p) => p.title).sort()).toEqual(inWindow.map((p) => p.title).sort());
    expect(prs.map((p) => p.title)).toEqual(
      expect.arrayContaining([pull.title, repo!.pulls[10]!.title, 'A new change']),
    );
    expect(prs.length).toBeLessThan(10);
    expect(prs.find((p) => p.externalId === pull.id)!.commits).toEqual(
      pull.commits.map((c) => ({ sha: c.oid, authoredAt: c.authoredDate, committedAt: c.committedDate })),
    );
    expect(ofType(next.records, 'pull_request')).toEqual(
      ofType(expectedPullRequestRecords(model), 'pull_request').filter((p) =>
        prs.some((q) => q.externalId === p.externalId),
      ),
    );
  });

  it('costs one conditional request per repository when nothing changed', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 3, pullsPerRepository: 5 }));
    const full = await readAll(server);
    server.requests.length = 0;
    const again = await readAll(server, full.cursors);
    expect(again.items).toBe(0);
    expect(server.requests.map((r) => r.status)).toEqual([304, 304, 304]);
    expect(again.cursors).toEqual(full.cursors);
  });

  it('fails a deleted repository with SOURCE_NOT_FOUND naming it', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 2, pullsPerRepository: 2 }));
    server.model.repositories[1]!.deleted = true;
    const ctx = githubContext(server, {});
    await expect(readPartition(ctx, pullRequestsStream, partitionOf('acme/web'))).rejects.toMatchObject({
      code: 'SOURCE_NOT_FOUND',
      message: expect.stringContaining('acme/web'),
    });
    const ok = await readPartition(ctx, pullRequestsStream, partitionOf('acme/api'));
    expect(ok.items).toBe(2);
  });
});
