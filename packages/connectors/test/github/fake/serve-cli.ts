/**
 * The fake GitHub as a standalone process, so a benchmark can serve a large organisation without
 * counting its memory: `node --import tsx serve-cli.ts [--repositories 20] [--pulls-per-repository 500]`.
 *
 * Prints one JSON line on stdout once listening: { baseUrl, token, org, repositories, pullRequests,
 * generateMs }. When started with an IPC channel, it answers the message 'stats' with the requests
 * served (by status) and its own RSS, and exits when the parent disconnects (so a killed benchmark
 * leaves no server behind).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateOrganisation } from './generate.ts';
import { startFakeGithub } from './server.ts';

const { values } = parseArgs({
  options: {
    repositories: { type: 'string', default: '3' },
    'pulls-per-repository': { type: 'string', default: '12' },
    seed: { type: 'string', default: '7' },
    validate: { type: 'boolean', default: false },
  },
});

const start = performance.now();
const model = generateOrganisation({
  repositories: Number(values.repositories),
  pullsPerRepository: Number(values['pulls-per-repository']),
  seed: Number(values.seed),
});
const generateMs = Math.round(performance.now() - start);
const server = await startFakeGithub(model, { validate: values.validate });

/** Requests served so far, by HTTP status, plus this process's memory. */
function stats() {
  const byStatus: Record<string, number> = {};
  for (const r of server.requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    requests: server.requests.length,
    byStatus,
    violations: server.violations.length,
    rssBytes: process.memoryUsage().rss,
  };
}

const stop = () => void server.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
if (process.send) {
  process.on('message', (message) => {
    if (message === 'stats') process.send?.(stats());
  });
  process.once('disconnect', stop);
}

process.stdout.write(
  `${JSON.stringify({
    baseUrl: server.baseUrl,
    token: server.token,
    org: model.org,
    repositories: model.repositories.length,
    pullRequests: model.repositories.reduce((n, r) => n + r.pulls.length, 0),
    generateMs,
  })}\n`,
);
