/**
 * The GitHub connector benchmark: `npx tsx bench/github.ts [--prs 5000] [--repositories 5]`.
 *
 * Serves a generated organisation (N pull requests with commits, reviews and review comments,
 * plus deployments, runs, tags and issues) from the fake GitHub on 127.0.0.1, reads every stream
 * once in full, then once more with nothing changed, and counts GitHub requests: per stream, per
 * 1,000 pull requests, and for the no-change read (goal: one conditional request per repository).
 * Writes test-artifacts/bench-github.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateOrganisation } from '../packages/connectors/test/github/fake/generate.ts';
import { startFakeGithub } from '../packages/connectors/test/github/fake/server.ts';
import { githubContext, syncAll, type Cursors } from '../packages/connectors/test/github/support.ts';
import { githubConnector } from '@pulse/connectors';

export interface GithubBenchOptions {
  readonly prs?: number;
  readonly repositories?: number;
}

export interface GithubBenchResult {
  readonly pullRequests: number;
  readonly repositories: number;
  readonly full: {
    requests: number;
    byStream: Record<string, number>;
    pullRequestRequestsPer1000: number;
    allStreamsPer1000: number;
    seconds: number;
  };
  readonly noChange: { requests: number; conditional304: number; perRepository: number; seconds: number };
}

/** Runs the benchmark and returns its figures. */
export async function runGithubBench(options: GithubBenchOptions = {}): Promise<GithubBenchResult> {
  const prs = options.prs ?? 5000;
  const repositories = options.repositories ?? 5;
  const model = generateOrganisation({
    repositories,
    pullsPerRepository: Math.ceil(prs / repositories),
    bigPull: true,
  });
  // Finish running deployments and workflow runs, so the second read measures "nothing changed".
  for (const repo of model.repositories) {
    for (const d of repo.deployments)
      if (d.statuses.at(-1)!.state === 'IN_PROGRESS')
        d.statuses.push({ state: 'SUCCESS', createdAt: d.createdAt });
    for (const r of repo.workflowRuns) Object.assign(r, { status: 'completed', conclusion: 'success' });
  }
  const total = model.repositories.reduce((n, r) => n + r.pulls.length, 0);
  const server = await startFakeGithub(model, { validate: false });
  try {
    const byStream: Record<string, number> = {};
    let cursors: Cursors = {};
    const ctx = githubContext(server, {});
    const fullStart = performance.now();
    for (const stream of githubConnector.streams) {
      const before = server.requests.length;
      const result = await syncAll(ctx, cursors, 'incremental', [stream]);
      if (Object.keys(result.failures).length)
        throw new Error(`full read failed: ${Object.keys(result.failures).join(', ')}`);
      cursors = result.cursors;
      byStream[stream.name] = server.requests.length - before;
    }
    const fullSeconds = (performance.now() - fullStart) / 1000;
    const fullRequests = server.requests.length;

    server.requests.length = 0;
    const again = performance.now();
    const second = await syncAll(githubContext(server, {}), cursors);
    if (Object.keys(second.failures).length) throw new Error('no-change read failed');
    const noChangeSeconds = (performance.now() - again) / 1000;
    const per1000 = (n: number) => Math.round((n / total) * 1000 * 100) / 100;
    return {
      pullRequests: total,
      repositories,
      full: {
        requests: fullRequests,
        byStream,
        pullRequestRequestsPer1000: per1000(byStream.pull_requests ?? 0),
        allStreamsPer1000: per1000(fullRequests),
        seconds: Math.round(fullSeconds * 10) / 10,
      },
      noChange: {
        requests: server.requests.length,
        conditional304: server.requests.filter((r) => r.status === 304).length,
        perRepository: Math.round((server.requests.length / repositories) * 100) / 100,
        seconds: Math.round(noChangeSeconds * 100) / 100,
      },
    };
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { prs: { type: 'string' }, repositories: { type: 'string' } } });
  const result = await runGithubBench({
    ...(values.prs ? { prs: Number(values.prs) } : {}),
    ...(values.repositories ? { repositories: Number(values.repositories) } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL('../test-artifacts/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('../test-artifacts/bench-github.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
}
