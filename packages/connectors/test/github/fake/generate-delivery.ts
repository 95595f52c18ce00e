/** Delivery data for generated repositories: deployments, workflow runs, tags, releases, issues. */
import { humans, pick } from './generate.ts';
import { addEvent, nextId, nextNumber, oid, tick, type FakeGithub, type FakeRepository } from './model.ts';

export function generateDelivery(model: FakeGithub, repo: FakeRepository, rand: () => number): void {
  const merged = repo.pulls.filter((p) => p.mergeCommitOid !== null);
  merged.forEach((pull, i) => {
    for (const environment of ['staging', 'production']) {
      const last = i === merged.length - 1 && environment === 'production';
      addDeployment(
        model,
        repo,
        environment,
        pull.mergeCommitOid!,
        last ? 'IN_PROGRESS' : rand() < 0.85 ? 'SUCCESS' : 'FAILURE',
      );
    }
    addWorkflowRun(
      model,
      repo,
      'Deploy',
      pull.mergeCommitOid!,
      repo.defaultBranch,
      'push',
      i === merged.length - 1 ? 'in_progress' : 'completed',
    );
  });
  repo.pulls.slice(0, 4).forEach((pull) => {
    addWorkflowRun(
      model,
      repo,
      'CI',
      pull.commits.at(-1)!.oid,
      pull.headRefName,
      'pull_request',
      'completed',
    );
  });
  merged.slice(0, 3).forEach((pull, i) => {
    addTag(model, repo, `v1.${i}.0`, pull.mergeCommitOid!, i % 2 === 0);
    addRelease(model, repo, `v1.${i}.0`, { prerelease: i === 2 });
  });
  if (merged[0]) addTag(model, repo, 'nightly', merged[0].mergeCommitOid!, false);
}

export function addDeployment(
  model: FakeGithub,
  repo: FakeRepository,
  environment: string,
  commitOid: string,
  finalState: 'SUCCESS' | 'FAILURE' | 'IN_PROGRESS',
): void {
  const createdAt = tick(model);
  const statuses: FakeRepository['deployments'][number]['statuses'] = [
    { state: 'IN_PROGRESS', createdAt: tick(model) },
  ];
  if (finalState !== 'IN_PROGRESS') statuses.push({ state: finalState, createdAt: tick(model) });
  repo.deployments.push({
    id: nextId(model, 'DE'),
    databaseId: nextNumber(model),
    environment,
    commitOid,
    ref: repo.defaultBranch,
    createdAt,
    statuses,
  });
  // GitHub's events feed has no deployment events: deliberately no addEvent here.
}

export function addWorkflowRun(
  model: FakeGithub,
  repo: FakeRepository,
  name: string,
  headSha: string,
  headBranch: string,
  event: string,
  status: 'in_progress' | 'completed',
): void {
  const createdAt = tick(model);
  const id = nextNumber(model);
  repo.workflowRuns.push({
    id,
    nodeId: `WFR_${id}`,
    name,
    path: `.github/workflows/${name.toLowerCase()}.yml`,
    headSha,
    headBranch,
    event,
    status,
    conclusion: status === 'completed' ? 'success' : null,
    createdAt,
    runStartedAt: createdAt,
    updatedAt: tick(model),
  });
}

export function addTag(
  model: FakeGithub,
  repo: FakeRepository,
  name: string,
  commitOid: string,
  annotated: boolean,
): void {
  const date = tick(model);
  repo.tags.push({
    id: nextId(model, 'REF'),
    name,
    commitOid,
    commitDate: date,
    annotated: annotated ? { oid: oid(`tag:${name}`), date } : null,
  });
  addEvent(model, repo, 'CreateEvent', model.users[0]!);
}

export function addRelease(
  model: FakeGithub,
  repo: FakeRepository,
  tagName: string,
  options: { prerelease?: boolean; draft?: boolean } = {},
): void {
  const createdAt = tick(model);
  repo.releases.push({
    id: nextId(model, 'RE'),
    name: tagName,
    tagName,
    isDraft: options.draft ?? false,
    isPrerelease: options.prerelease ?? false,
    createdAt,
    publishedAt: options.draft ? null : tick(model),
  });
  addEvent(model, repo, 'ReleaseEvent', model.users[0]!);
}

export function generateIssues(model: FakeGithub, repo: FakeRepository, rand: () => number): void {
  const kinds = [['bug'], ['incident'], ['enhancement'], [], ['incident', 'bug']];
  kinds.forEach((labels, i) => {
    const createdAt = tick(model);
    const closed = rand() < 0.5;
    const id = nextNumber(model);
    repo.issues.push({
      id,
      nodeId: `I_${id}`,
      number: repo.pulls.length + repo.issues.length + 1,
      title: `Issue ${i} in ${repo.name}`,
      state: closed ? 'closed' : 'open',
      labels,
      user: pick(rand, humans(model)),
      assignee: i % 2 === 0 ? pick(rand, humans(model)) : null,
      createdAt,
      updatedAt: tick(model),
      closedAt: closed ? tick(model) : null,
      isPullRequest: false,
    });
  });
  const pull = repo.pulls[0];
  if (pull) {
    const id = nextNumber(model);
    repo.issues.push({
      id,
      nodeId: `PRI_${id}`,
      number: pull.number,
      title: pull.title,
      state: 'open',
      labels: [],
      user: humans(model)[0]!,
      assignee: null,
      createdAt: pull.createdAt,
      updatedAt: pull.updatedAt,
      closedAt: null,
      isPullRequest: true,
    });
  }
  addEvent(model, repo, 'IssuesEvent', humans(model)[0]!);
}
