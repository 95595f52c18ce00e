/**
 * `pulse integrations add jira`, `pulse sync`, `pulse integrations mappings`, `pulse people
 * unmatched` and `pulse reprocess` on a real process and the embedded database, against the fake
 * Jira Data Center served by this test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario } from '../../../packages/connectors/test/jira/fake/generate.ts';
import { startFakeJira, type FakeJiraServer } from '../../../packages/connectors/test/jira/fake/server.ts';
import { embeddedEnv, expectError, expectOk, runPulse, tempDir } from './support/run-pulse.ts';

describe('pulse with a Jira integration', { timeout: 240_000 }, () => {
  const dir = tempDir('pulse-jira-cli-');
  // The fake Jira listens on 127.0.0.1: allowed as an operator allows a private Jira.
  const env = { ...embeddedEnv(dir.path), PULSE_EGRESS_ALLOW: '127.0.0.1' };
  const run = (args: string[], input?: string) =>
    runPulse(args, { cwd: dir.path, env, timeoutMs: 90_000, ...(input === undefined ? {} : { input }) });
  let server: FakeJiraServer;

  beforeAll(async () => {
    server = await startFakeJira(scenario({ filler: 3 }), { flavour: 'datacenter' });
    expectOk(await run(['admin', 'tenant', 'create', 'acme']));
    // Its folder under the default git root (`repositories` beside the data folder).
    mkdirSync(join(dir.path, 'repositories', 'acme'), { recursive: true });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('adds, checks and syncs Jira; shows and changes mappings; lists unmatched people', async () => {
    const config = JSON.stringify({
      baseUrl: server.baseUrl,
      deployment: 'datacenter',
      projects: { keys: ['PROJ', 'OPS'] },
    });
    expectOk(
      await run(
        ['integrations', 'add', 'jira', '--name', 'jira', '--config', config, '--token-stdin'],
        server.token,
      ),
    );
    const check = await run(['integrations', 'check', 'jira']);
    expectOk(check);
    expect(check.stdout).toMatch(
      /^jira: OK \(Jira Data Center, authenticated as Ada Lovelace; projects PROJ, OPS readable; story points in "Story point estimate"\)/,
    );
    expect(check.stdout).not.toContain(server.token);

    const sync = await run(['sync', 'jira']);
    expectOk(sync);
    expect(sync.stdout).toMatch(/^Run \d+ succeeded: .*records/m);

    const shown = await run(['integrations', 'mappings', 'jira']);
    expectOk(shown);
    expect(shown.stdout).toMatch(/status\s+Waiting for customer\s+waiting\s+default/);
    expect(shown.stdout).toMatch(/type\s+Bug\s+defect\s+default/);

    const set = await run([
      'integrations',
      'mappings',
      'jira',
      '--set',
      'status:In Review=waiting',
      '--set',
      'type:Task=debt',
      '--json',
    ]);
    expectOk(set);
    const mappings = JSON.parse(set.stdout) as {
      statuses: { source: string; category: string; origin: string }[];
      types: { source: string; kind: string }[];
    };
    expect(mappings.statuses.find((m) => m.source === 'In Review')).toMatchObject({
      category: 'waiting',
      origin: 'set',
    });
    expect(mappings.types.find((m) => m.source === 'Task')).toMatchObject({ kind: 'debt' });
    const reset = await run(['integrations', 'mappings', 'jira', '--reset', 'status:In Review']);
    expectOk(reset);
    expect(reset.stdout).toMatch(/status\s+In Review\s+in_progress\s+default/);
    expect(reset.stdout).toMatch(/Applied; \d+ stored payload\(s\) mapped again/);

    expectError(
      await run(['integrations', 'mappings', 'jira', '--set', 'status:Done=finished']),
      'VALIDATION_FAILED',
      1,
    );
    expectError(
      await run(['integrations', 'mappings', 'jira', '--set', 'Done=done']),
      'VALIDATION_FAILED',
      1,
    );
    expectOk(
      await run([
        'integrations',
        'add',
        'git',
        '--name',
        'local',
        '--config',
        JSON.stringify({ repositories: [{ path: '.' }] }),
      ]),
    );
    expectError(await run(['integrations', 'mappings', 'local']), 'INTEGRATION_MAPPINGS_UNSUPPORTED', 1);

    // Data Center e-mails are not trusted by default: nobody is merged, both people are listed.
    const unmatched = await run(['people', 'unmatched', '--source', 'jira']);
    expectOk(unmatched);
    expect(unmatched.stdout).toMatch(/jira\s+ada\s+Ada Lovelace\s+ada@acme.example/);
    expect(unmatched.stdout).toMatch(/jira\s+bob\s+Bob Builder/);
    expect(unmatched.stdout).not.toContain('Automation for Jira');

    const reprocess = await run(['reprocess', 'jira', '--json']);
    expectOk(reprocess);
    expect(JSON.parse(reprocess.stdout)).toMatchObject({ skipped: ['deletions'] });
  });

  it('a bad Jira configuration gets a stable code and a hint', async () => {
    expectError(
      await run(
        [
          'integrations',
          'add',
          'jira',
          '--name',
          'bad',
          '--config',
          JSON.stringify({ baseUrl: 'https://acme.atlassian.net', projects: { keys: ['PROJ'] } }),
          '--token-stdin',
        ],
        't',
      ),
      'INTEGRATION_CONFIG_INVALID',
      1,
    );
    const config = JSON.stringify({
      baseUrl: server.baseUrl,
      deployment: 'datacenter',
      projects: { keys: ['NOPE'] },
    });
    expectOk(
      await run(
        ['integrations', 'add', 'jira', '--name', 'nope', '--config', config, '--token-stdin'],
        server.token,
      ),
    );
    const check = await run(['integrations', 'check', 'nope']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/FAILED JIRA_PROJECT_NOT_FOUND: .*NOPE/);
  });
});
