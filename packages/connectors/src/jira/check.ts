/**
 * The connection check: who the credentials are (GET /myself), then every configured project.
 * Expected failures are values with a code and a hint; it never throws.
 */
import { isPulseError, type CheckResult } from '@pulse/core';
import { credentialsHint, type JiraContext } from './client.ts';
import { deploymentOf } from './config.ts';
import { loadSite } from './site.ts';
import { checkProject } from './streams/projects.ts';

export async function checkJira(ctx: JiraContext): Promise<CheckResult> {
  try {
    const site = await loadSite(ctx);
    for (const key of ctx.config.projects.keys ?? []) await checkProject(ctx, key);
    const flavour = deploymentOf(ctx.config) === 'cloud' ? 'Jira Cloud' : 'Jira Data Center';
    const projects = ctx.config.projects.keys?.length
      ? `; projects ${ctx.config.projects.keys.join(', ')} readable`
      : '';
    const points = site.fields.storyPoints
      ? `; story points in "${site.fields.storyPoints.name}"`
      : '; no story points field found';
    return { ok: true, detail: `${flavour}, authenticated as ${site.account}${projects}${points}` };
  } catch (error) {
    if (isPulseError(error)) {
      const hint = error.code === 'SOURCE_AUTH_FAILED' ? credentialsHint(ctx.config) : error.hint;
      return { ok: false, code: error.code, message: error.message, hint };
    }
    return {
      ok: false,
      code: 'SOURCE_UNAVAILABLE',
      message: 'Jira cannot be reached at the base URL.',
      hint: 'Check the base URL (Cloud: https://SITE.atlassian.net; Data Center: the URL you open Jira at, with its context path) and that this host can reach it (a host on a private network must be in PULSE_EGRESS_ALLOW).',
    };
  }
}
