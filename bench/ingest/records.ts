/**
 * The ingest benchmark's data: pages of pull_request and commit records of one repository, with
 * a realistic spread of authors (a few hundred, some with git and GitHub accounts), generated
 * before any timing starts.
 */
import type { Actor, NormalisedRecord } from '@pulse/core';

export const repositoryRecord: NormalisedRecord = {
  type: 'repository',
  source: 'github',
  externalId: 'R_bench',
  name: 'bench',
  fullName: 'acme/bench',
};

const hex = (n: number, width = 40) => n.toString(16).padStart(width, '0');

function githubActor(n: number): Actor {
  return { source: 'github', externalId: `U_${n}`, login: `dev${n}`, name: `Developer ${n}` };
}

function gitActor(n: number): Actor {
  return {
    source: 'git',
    externalId: `dev${n}@acme.example`,
    name: `Developer ${n}`,
    email: `dev${n}@acme.example`,
  };
}

/** `rows` records (half pull requests, half commits) in pages of `pageSize`, each page mixed. */
export function* benchPages(rows: number, pageSize: number, authors = 300): Generator<NormalisedRecord[]> {
  const half = Math.floor(rows / 2);
  const start = Date.parse('2025-01-01T00:00:00Z');
  let page: NormalisedRecord[] = [];
  for (let i = 1; i <= half; i++) {
    const at = (minutes: number) => new Date(start + i * 60_000 + minutes * 60_000).toISOString();
    const author = i % authors;
    page.push({
      type: 'commit',
      repository: { source: 'github', externalId: 'R_bench' },
      sha: hex(i),
      parents: i > 1 ? [hex(i - 1)] : [],
      author: gitActor(author),
      committer: gitActor(author),
      authoredAt: at(0),
      committedAt: at(1),
      message: `Change ${i}: adjust the thing\n\nLonger explanation of change ${i}.`,
      additions: i % 500,
      deletions: i % 70,
      filesChanged: 1 + (i % 9),
    });
    page.push({
      type: 'pull_request',
      source: 'github',
      externalId: `PR_${i}`,
      repository: { externalId: 'R_bench' },
      number: i,
      title: `Pull request ${i}`,
      body: `Fixes API-${i % 1000}. Some description of the change.`,
      url: `https://github.example/acme/bench/pull/${i}`,
      state: 'merged',
      author: githubActor(author),
      mergedBy: githubActor((author + 1) % authors),
      headBranch: `feature/${i}`,
      baseBranch: 'main',
      headSha: hex(i),
      mergeCommitSha: hex(i + 1),
      additions: i % 500,
      deletions: i % 70,
      changedFiles: 1 + (i % 9),
      labels: i % 3 === 0 ? ['feature'] : [],
      createdAt: at(-600),
      readyForReviewAt: at(-500),
      mergedAt: at(0),
      closedAt: at(0),
      updatedAt: at(0),
    });
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
