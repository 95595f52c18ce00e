/**
 * The dashboard end to end in real Chromium against `pulse serve` with the demo organisation:
 * login, the DORA cards against GET /metrics/dora, filters in the URL, screenshots of every main
 * page in both themes, the admin flow against the fake GitHub (add, test, sync, progress to
 * completion, new data), and a viewer kept out of the admin pages. One server and one browser for
 * the whole file: loading the demo takes most of its time.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { generateOrganisation } from '../../../../packages/connectors/test/github/fake/generate.ts';
import {
  startFakeGithub,
  type FakeGithubServer,
} from '../../../../packages/connectors/test/github/fake/server.ts';
import { scenario } from '../../../../packages/connectors/test/jira/fake/generate.ts';
import { startFakeJira, type FakeJiraServer } from '../../../../packages/connectors/test/jira/fake/server.ts';
import { formatDuration } from '../../src/lib/format/format-duration.ts';
import { formatNumber } from '../../src/lib/format/format-number.ts';
import { formatPercent } from '../../src/lib/format/format-percent.ts';
import { initialJsSize } from '../../scripts/initial-js-size.ts';
import { apiAs, type TestApi } from './support/api-client.ts';
import { publishScreenshot, screenshotPath, writeMeasurements } from './support/artifacts.ts';
import { chromiumPath, launchChromium } from './support/launch-chromium.ts';
import { startDemoServer, type DemoServer } from './support/start-demo-server.ts';

interface DoraReport {
  deploymentFrequency: { status: string; medianWeeklyDeploymentDays: number; deployments: number };
  changeLeadTime: { status: string; median: number | null };
  changeFailRate: { status: string; value: number | null };
  failedDeploymentRecoveryTime: { status: string; median: number | null };
  deploymentReworkRate: { status: string; value: number | null };
}

/** Each card's headline as the page must show it, from the API's report. */
function expectedCards(report: DoraReport): Record<string, { value: number | null; text: string }> {
  const ok = (status: string, value: number | null, text: (v: number) => string) =>
    status === 'ok' && value !== null
      ? { value, text: text(value) }
      : { value: null, text: 'Not enough data' };
  const df = report.deploymentFrequency;
  return {
    deploymentFrequency: ok(
      df.status,
      df.medianWeeklyDeploymentDays,
      (v) => `${formatNumber(v, 1)} days / week`,
    ),
    changeLeadTime: ok(report.changeLeadTime.status, report.changeLeadTime.median, formatDuration),
    changeFailRate: ok(report.changeFailRate.status, report.changeFailRate.value, formatPercent),
    failedDeploymentRecoveryTime: ok(
      report.failedDeploymentRecoveryTime.status,
      report.failedDeploymentRecoveryTime.median,
      formatDuration,
    ),
    deploymentReworkRate: ok(
      report.deploymentReworkRate.status,
      report.deploymentReworkRate.value,
      formatPercent,
    ),
  };
}

/** What the cards show: metric → raw value (data-value) and headline text. */
async function shownCards(page: Page): Promise<Record<string, { value: number | null; text: string }>> {
  await page.locator('.metric-cards[data-state="ready"]').waitFor();
  const shown: Record<string, { value: number | null; text: string }> = {};
  for (const card of await page.locator('.metric-card[data-metric]').all()) {
    const raw = (await card.getAttribute('data-value')) ?? '';
    shown[(await card.getAttribute('data-metric'))!] = {
      value: raw === '' ? null : Number(raw),
      text: (await card.getByTestId('metric-value').textContent())!.trim(),
    };
  }
  return shown;
}

async function cardQuery(page: Page): Promise<string> {
  return (await page.locator('.metric-cards[data-state="ready"]').getAttribute('data-query'))!;
}

// Without Chromium the browser tests are skipped with a warning, except under CI=true (.ci/run
// installs it), where a missing browser must fail rather than pass silently.
const browserAvailable = existsSync(chromiumPath) || process.env.CI === 'true';
if (!browserAvailable)
  console.warn(`Skipping the browser tests: no Chromium at ${chromiumPath} (apt-get install chromium).`);

describe.skipIf(!browserAvailable)('dashboard in Chromium', { timeout: 120_000 }, () => {
  let server: DemoServer;
  let fake: FakeGithubServer;
  let jira: FakeJiraServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let api: TestApi;
  const timings: Record<string, unknown> = {};
  const pageErrors: string[] = [];
  let liveDuringSync = false;
  let syncRun = { states: [] as string[], requests: -1 };

  beforeAll(async () => {
    const start = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    [server, fake, jira, browser] = await Promise.all([
      startDemoServer(),
      startFakeGithub(generateOrganisation({ org: 'globex', repositories: 2, pullsPerRepository: 6, start })),
      startFakeJira(scenario(), { flavour: 'datacenter' }),
      launchChromium(),
    ]);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text()))
        pageErrors.push(message.text());
    });
    api = await apiAs(server.url, server.admin.email, server.admin.password);
  }, 240_000);

  afterAll(async () => {
    writeMeasurements('timings', { ...timings, initialJs: initialJsSize() });
    await browser?.close();
    await fake?.close();
    await jira?.close();
    await server?.stop();
  });

  it('logs in and shows the tenant name in the header', async () => {
    await page.goto(server.url);
    await page.waitForURL('**/login');
    await page.getByLabel('E-mail').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByLabel('Organisation').fill('demo');
    await page.screenshot({ path: screenshotPath('login-light') });
    publishScreenshot('login-light');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/dora');
    const me = await api.get<{ tenant: { name: string } }>('/me');
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(me.tenant.name);
  });

  it('shows the DORA numbers of GET /metrics/dora for the same filters, interactive quickly', async () => {
    const runs: { interactiveMs: number; requests: Record<string, number> }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${server.url}/dora`);
      await page.locator('.metric-cards[data-state="ready"]').waitFor();
      // Evaluated in the page: when the cards rendered, and how long each API request took.
      runs.push(
        await page.evaluate(`(() => {
          const mark = performance.getEntriesByName('pulse:dora-cards')[0];
          const requests = {};
          for (const r of performance.getEntriesByType('resource'))
            if (r.name.includes('/api/') && r.startTime < mark.startTime)
              requests[new URL(r.name).pathname + ' @' + Math.round(r.startTime)] = Math.round(r.duration);
          return { interactiveMs: Math.round(mark.startTime), requests };
        })()`),
      );
    }
    timings.doraTimeToInteractive = runs;
    const query = await cardQuery(page);
    expect(query).toMatch(/^from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&granularity=week&benchmark=2024$/);
    const expected = expectedCards(await api.get<DoraReport>(`/metrics/dora?${query}`));
    expect(await shownCards(page)).toEqual(expected);
    expect(Object.values(expected).filter((c) => c.value !== null).length).toBeGreaterThanOrEqual(4);
  });

  it('puts a filter change into the URL and shows the new numbers', async () => {
    const before = await shownCards(page);
    const repositories = await api.get<{ items: { fullName: string }[] }>('/repositories');
    const repository = repositories.items[0]!.fullName;
    await page.getByLabel('Repository', { exact: true }).selectOption(repository);
    await page.waitForURL((url) => url.searchParams.get('repository') === repository);
    await page.getByLabel('Period', { exact: true }).selectOption('30d');
    await page.waitForURL((url) => url.searchParams.get('period') === '30d');
    await expect.poll(() => cardQuery(page)).toContain(`repository=${encodeURIComponent(repository)}`);
    const query = await cardQuery(page);
    const after = await shownCards(page);
    expect(after).toEqual(expectedCards(await api.get<DoraReport>(`/metrics/dora?${query}`)));
    expect(after).not.toEqual(before);
    // The link opens the same view.
    await page.goto(page.url());
    expect(await shownCards(page)).toEqual(after);
    await page.goto(`${server.url}/dora`);
  });

  it('renders every main page in light and dark mode (screenshots)', async () => {
    const pages: [string, string, string][] = [
      ['dora', '/dora', '.metric-cards[data-state="ready"]'],
      ['flow', '/flow', 'text=merged pull requests opened in the period'],
      ['deployments', '/deployments', 'tbody tr'],
      ['incidents', '/incidents', 'tbody tr'],
      ['pull-requests', '/pull-requests?view=slowest', 'tbody tr'],
      ['integrations', '/admin/integrations', 'h1'],
      ['api-keys', '/admin/api-keys', 'h1'],
    ];
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`${server.url}/dora`);
      await page.getByLabel('Theme').selectOption(theme);
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
      for (const [name, path, ready] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        if (name === 'dora' || name === 'flow') await page.locator('.chart svg').first().waitFor();
        // Whole page for the chart pages; the first screen of the long tables keeps files small.
        await page.screenshot({
          path: screenshotPath(`${name}-${theme}`),
          fullPage: name === 'dora' || name === 'flow',
        });
        publishScreenshot(`${name}-${theme}`);
      }
    }
    await page.getByLabel('Theme').selectOption('system');
  });

  it('fits laptop and tablet widths without sideways scrolling', async () => {
    const overflow = () => page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    for (const [name, width, height] of [
      ['laptop', 1280, 860],
      ['tablet', 820, 1180],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const path of ['/dora', '/flow', '/admin/integrations']) {
        await page.goto(`${server.url}${path}`);
        await page.locator('h1').first().waitFor();
        expect(await overflow(), `${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
      await page.goto(`${server.url}/dora`);
      await page.locator('.chart svg').first().waitFor();
      if (name === 'tablet') {
        await page.screenshot({ path: screenshotPath('dora-tablet-light'), fullPage: true });
        publishScreenshot('dora-tablet-light');
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('opens a deployment with the changes it shipped, as the API lists them', async () => {
    const list = await api.get<{ items: { id: number; changeCount: number | null }[] }>(
      '/deployments?production=true&limit=20',
    );
    const deployment = list.items.find((d) => (d.changeCount ?? 0) > 0)!;
    const detail = await api.get<{ commits: { sha: string }[]; repository: string }>(
      `/deployments/${deployment.id}`,
    );
    await page.goto(`${server.url}/deployments/${deployment.id}`);
    await page.getByRole('heading', { name: /Shipped changes/ }).waitFor();
    const shas = await page
      .locator('section[aria-labelledby="shipped"] tbody td:first-child code')
      .allTextContents();
    expect(shas).toEqual(detail.commits.map((c) => c.sha.slice(0, 10)));
    expect(await page.locator('h1').textContent()).toContain(detail.repository);
  });

  it('shows a new API key once, then only its prefix', async () => {
    await page.goto(`${server.url}/admin/api-keys`);
    await page.getByLabel('Name').fill('ci-reader');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent())!;
    expect(key).toMatch(/^pulse_\w+_\S+$/);
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    await page.reload();
    await page.getByRole('cell', { name: 'ci-reader' }).waitFor();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
  });

  it('adds a GitHub integration with validated fields and a tested connection', async () => {
    await page.goto(`${server.url}/admin/integrations/new`);
    await page.getByRole('button', { name: 'Add integration' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByLabel('Token').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Name').fill('globex-github');
    await page.getByLabel('API base URL').fill(fake.baseUrl);
    await page.getByLabel('Organisation').fill('globex');
    await page.getByLabel('Token').fill(fake.token);
    await page.getByRole('button', { name: 'Add integration' }).click();
    await page.waitForURL(/\/admin\/integrations\/\d+$/);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toContain('Connection works');
  });

  it('syncs now and shows the progress bar reach completion', async () => {
    const runRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/sync-runs\/\d+$/.test(new URL(request.url()).pathname)) runRequests.push(request.url());
    });
    liveDuringSync = (await page.getByTestId('live-status').textContent())?.includes('Live') ?? false;
    await page.getByRole('button', { name: 'Sync now' }).click();
    const progress = page.locator('.sync-progress');
    await progress.waitFor();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await progress.getAttribute('data-state')) ?? '');
          return progress.getAttribute('data-state');
        },
        { timeout: 90_000, interval: 100 },
      )
      .toBe('succeeded');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(Number((await page.getByTestId('run-records').textContent())!.replace(/,/g, ''))).toBeGreaterThan(
      0,
    );
    const runId = Number(await progress.getAttribute('data-run'));
    const run = await api.get<{ state: string; progress: { records: number } }>(`/sync-runs/${runId}`);
    expect(run.state).toBe('succeeded');
    expect(await page.getByTestId('run-records').textContent()).toBe(formatNumber(run.progress.records));
    await page.screenshot({ path: screenshotPath('integration-light'), fullPage: true });
    publishScreenshot('integration-light');
    timings.syncStatesSeen = [...seen];
    syncRun = { states: [...seen], requests: runRequests.length };
  });

  it('received that progress live over the WebSocket stream, without polling the run', () => {
    expect(liveDuringSync).toBe(true);
    expect(syncRun.states).toContain('running');
    // Polling asks every second; over the stream the page reads the run at most once, after the
    // final event (for its summary of failed partitions).
    expect(syncRun.requests).toBeLessThanOrEqual(1);
  });

  it('adds a Jira Data Center integration, tests it and syncs it', async () => {
    await page.goto(`${server.url}/admin/integrations/new`);
    await page.getByLabel('Kind').selectOption('jira');
    await page.getByLabel('Name').fill('jira-dc');
    await page.getByLabel('Site URL').fill(jira.baseUrl);
    await page.getByLabel('API token').fill(jira.token);
    await page.getByLabel('Projects').fill('PROJ, OPS');
    await page.getByRole('button', { name: 'Add integration' }).click();
    await page.waitForURL(/\/admin\/integrations\/\d+$/);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toContain('Connection works');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.locator('.sync-progress').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('succeeded');
    await page.getByRole('heading', { name: 'Mappings' }).waitFor();
    // Map the first status to another category; the API then reports it as set.
    const select = page.getByLabel(/^Category of status /).first();
    const source = (await select.getAttribute('aria-label'))!.replace('Category of status ', '');
    const before = await select.inputValue();
    const category = before === 'waiting' ? 'todo' : 'waiting';
    await select.selectOption(category);
    await page.getByRole('button', { name: 'Save mappings' }).click();
    await page.getByText(/Mappings saved: \d+ stored records were mapped again/).waitFor();
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const mappings = await api.get<{ statuses: { source: string; category: string; origin: string }[] }>(
      `/integrations/${id}/mappings`,
    );
    expect(mappings.statuses.find((s) => s.source === source)).toMatchObject({ category, origin: 'set' });
  });

  it('shows the synced data: the new repositories and their pull requests', async () => {
    await page.goto(`${server.url}/dora`);
    const options = page.getByLabel('Repository', { exact: true }).locator('option');
    await expect
      .poll(async () => (await options.allTextContents()).filter((t) => t.startsWith('globex/')))
      .toEqual(['globex/api', 'globex/web']);
    await page.goto(`${server.url}/pull-requests?view=largest&repository=globex%2Fapi`);
    await page.locator('tbody tr').first().waitFor();
    const rows = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows)).toEqual(new Set(['globex/api']));
    const link = await page.locator('tbody tr a').first().getAttribute('href');
    expect(link).toMatch(/^https?:\/\/.+\/pull\/\d+$/);
  });

  it('filters by team', async () => {
    const teams = await api.get<{ items: { externalId: string; name: string }[] }>('/teams');
    const team = teams.items[0]!;
    await page.goto(`${server.url}/dora`);
    await page.getByLabel('Team', { exact: true }).selectOption(team.externalId);
    await page.waitForURL((url) => url.searchParams.get('team') === team.externalId);
    await expect.poll(() => cardQuery(page)).toContain(`team=${encodeURIComponent(team.externalId)}`);
    expect(await shownCards(page)).toEqual(
      expectedCards(await api.get<DoraReport>(`/metrics/dora?${await cardQuery(page)}`)),
    );
  });

  it('remembers the theme for the user', async () => {
    // The choice is made while GET /me is still on its way: it must be saved, not replaced by the
    // stored preference the late answer carries.
    const slowMe = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    };
    // Only the first GET /me: the save below waits for it, so nothing outlives the test.
    await page.route(/\/api\/v1\/me$/, slowMe, { times: 1 });
    await page.goto(`${server.url}/dora`);
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect
      .poll(async () => (await api.get<{ preferences?: { theme: string } }>('/me')).preferences?.theme)
      .toBe('dark');
    // Without the browser's copy, the saved preference still wins.
    await page.evaluate("localStorage.removeItem('pulse.theme')");
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByLabel('Theme').selectOption('system');
    await expect
      .poll(async () => (await api.get<{ preferences?: { theme: string } }>('/me')).preferences?.theme)
      .toBe('system');
  });

  it('lets an admin set the logo and primary colour', async () => {
    await page.goto(`${server.url}/admin/appearance`);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#7c3aed"/></svg>';
    await page
      .getByLabel(/Logo file/)
      .setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await page.getByLabel('Use a brand colour').check();
    await page.locator('input[type="color"]').fill('#7c3aed');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Saved.').waitFor();
    const tenant = await api.get<{ branding: { logoUrl: string | null; primaryColor: string | null } }>(
      '/tenant',
    );
    expect(tenant.branding.primaryColor).toBe('#7c3aed');
    expect(tenant.branding.logoUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => page.locator('.tenant-logo').getAttribute('src')).toBe(tenant.branding.logoUrl);
    await expect
      .poll(() =>
        page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"),
      )
      .toBe('#7c3aed');
    await page.screenshot({ path: screenshotPath('branding-light') });
    publishScreenshot('branding-light');
  });

  it('lets an admin invite a user, change the role and remove them', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('cell', { name: server.viewer.email }).waitFor();
    const email = 'new.member@pulse.local';
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Role').selectOption('member');
    await form.getByRole('button', { name: 'Invite user' }).click();
    // An invitation, not a member yet: the invitee creates the account with the one-time code.
    const code = (await page.getByTestId('invitation-code').textContent()) ?? '';
    expect(code).toMatch(/^pulse_inv_/);
    const redeemed = await fetch(`${server.url}/api/v1/invitations/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, password: 'new member password' }),
    });
    expect(redeemed.status).toBe(201);
    await page.reload();
    await page.getByRole('cell', { name: email }).waitFor();
    await page.getByLabel(`Role of ${email}`).selectOption('viewer');
    const roleOf = async () =>
      (await api.get<{ items: { email: string; role: string }[] }>('/users')).items.find(
        (u) => u.email === email,
      )?.role;
    await expect.poll(roleOf).toBe('viewer');
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByRole('row', { name: new RegExp(email) })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect.poll(roleOf).toBeUndefined();
  });

  it('changes how often an integration syncs and turns scheduled syncs off', async () => {
    const listed = async () =>
      (
        await api.get<{
          items: { name: string; id: number; syncIntervalSeconds: number; enabled: boolean }[];
        }>('/integrations')
      ).items.find((i) => i.name === 'globex-github')!;
    await page.goto(`${server.url}/admin/integrations/${(await listed()).id}`);
    await page.getByLabel('Sync interval').selectOption('1440');
    await page.getByLabel('Sync on a schedule').uncheck();
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByText('Schedule saved.').waitFor();
    expect(await listed()).toMatchObject({ syncIntervalSeconds: 86_400, enabled: false });
    await page.getByText('Scheduled syncs are off').waitFor();
  });

  it('keeps a viewer out of the admin pages', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('E-mail').fill(server.viewer.email);
    await page.getByLabel('Password').fill(server.viewer.password);
    await page.getByLabel('Organisation').fill('demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/dora');
    await page.locator('.metric-cards[data-state="ready"]').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Admin');
    expect(await nav.getByRole('link').count()).toBe(5);
    await page.goto(`${server.url}/admin/integrations`);
    await page.getByRole('heading', { name: 'Administrators only' }).waitFor();
    expect(await page.getByRole('link', { name: 'Add integration' }).count()).toBe(0);
    expect(await page.getByText('globex-github').count()).toBe(0);
  });

  it('raised no script error and no Content-Security-Policy violation on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
