/** The connection check: GET /user with the token. Expected failures are values; it never throws. */
import type { CheckResult } from '@pulse/core';
import { isPulseError } from '@pulse/core';
import type { GithubContext } from './client.ts';

const tokenHint =
  'Create a token with the repo and read:org scopes (classic), or a fine-grained token with read access to contents, metadata, pull requests, issues, deployments and actions, then update the integration.';

/** ok with the token's login, or SOURCE_AUTH_FAILED / SOURCE_UNAVAILABLE with a hint. */
export async function checkGithub(ctx: GithubContext): Promise<CheckResult> {
  try {
    const response = await ctx.http.request<{ login?: string }>({
      url: '/user',
      signal: ctx.signal,
      acceptStatus: [401, 403],
    });
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        code: 'SOURCE_AUTH_FAILED',
        message: `GitHub refused the token (HTTP ${response.status}).`,
        hint: tokenHint,
      };
    }
    // A GitHub login is letters, digits and dashes; anything else is not echoed back.
    const login = response.body?.login;
    const who = typeof login === 'string' && /^[A-Za-z\d-]{1,39}$/.test(login) ? login : 'unknown';
    return { ok: true, detail: `authenticated as ${who}` };
  } catch (error) {
    if (isPulseError(error) && error.code === 'SOURCE_AUTH_FAILED') {
      return { ok: false, code: error.code, message: error.message, hint: tokenHint };
    }
    if (isPulseError(error)) return { ok: false, code: error.code, message: error.message, hint: error.hint };
    return {
      ok: false,
      code: 'SOURCE_UNAVAILABLE',
      message: 'GitHub cannot be reached at the base URL.',
      hint: 'Check the base URL (GitHub Enterprise Server: https://HOST/api/v3) and that this host can reach it (proxy, firewall; a host on a private network must be in PULSE_EGRESS_ALLOW).',
    };
  }
}
