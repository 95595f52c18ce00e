/**
 * Jira calls over the shared HttpClient. Retries, rate limits (429 + Retry-After) and credentials
 * live in `ctx.http`; this file turns Jira's error answers into partition failures a user can act
 * on: 401 the credentials, 403 a missing permission, 404 a project or board that is gone, 400 a
 * JQL query Jira rejects. The message carries the request path and status, never Jira's body:
 * run errors are readable by every member of the tenant, and the body is whatever the far end sent.
 *
 * A 403 or 404 is asked again a few times, with growing pauses, before it is believed: Jira
 * answers them transiently (a permission cache being rebuilt), and believing one would drop a
 * project from the run. Still failing, it fails the partition; it never reads as "no issues".
 */
import { PulseError, type ErrorCode } from '@pulse/core';
import type { ConnectorContext } from '../kit/contract.ts';
import type { HttpRequest, HttpResponse } from '../kit/http/client.ts';
import { describeRequest } from '../kit/http/failures.ts';
import { resolveUrl } from '../kit/http/outgoing.ts';
import { retryPermissionAnswers } from '../kit/permission-retry.ts';
import { deploymentOf, type JiraConfig, type JiraSecrets } from './config.ts';

export type JiraContext = ConnectorContext<JiraConfig, JiraSecrets>;

/** What a 404 means for the call: a project, a board, or something that may vanish (e.g. an issue). */
export interface JiraCallOptions {
  readonly method?: 'GET' | 'POST';
  readonly json?: unknown;
  /** 404 names this object in the error ("project PROJ", "board 7"). */
  readonly object?: string;
  /** 404 is an answer, not an error (body null). */
  readonly allowNotFound?: boolean;
}

const errorStatuses = [400, 401, 403, 404];

export const credentialsHint = (config: JiraConfig): string =>
  deploymentOf(config) === 'cloud'
    ? 'Create an API token at id.atlassian.com (Security → API tokens) for the account whose e-mail is in the settings, and update the integration with it.'
    : 'Create a personal access token in Jira (Profile → Personal Access Tokens) for an account that can browse the projects, and update the integration with it.';

/** One Jira request (relative to the base URL); Jira's error answers become PulseErrors. */
export async function jiraRequest<T>(
  ctx: JiraContext,
  url: string,
  options: JiraCallOptions = {},
): Promise<HttpResponse<T | null>> {
  const request: HttpRequest = {
    url,
    signal: ctx.signal,
    acceptStatus: errorStatuses,
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.json === undefined ? {} : { json: options.json }),
  };
  const response = await retryPermissionAnswers(
    ctx,
    () => ctx.http.request<T | null>(request),
    (status) => status === 403 || (status === 404 && !options.allowNotFound),
  );
  if (response.status < 400) return response;
  if (response.status === 404 && options.allowNotFound) return { ...response, body: null };
  const where = describeRequest(request.method ?? 'GET', resolveUrl(ctx.config.baseUrl, url));
  throw jiraFailure(ctx.config, response, where, options.object);
}

function jiraFailure(
  config: JiraConfig,
  response: HttpResponse<unknown>,
  where: string,
  object: string | undefined,
): PulseError {
  const message = (text: string) => `${text} (${where} answered ${response.status}).`;
  const fail = (code: ErrorCode, text: string, hint?: string) =>
    new PulseError(code, { message: message(text), ...(hint === undefined ? {} : { hint }) });
  switch (response.status) {
    case 401:
      return fail('SOURCE_AUTH_FAILED', 'Jira refused the credentials', credentialsHint(config));
    case 403:
      return fail('JIRA_PERMISSION_DENIED', `The Jira account may not read ${object ?? 'this resource'}`);
    case 404:
      return fail(
        'JIRA_PROJECT_NOT_FOUND',
        `Jira has no ${object ?? 'such resource'} visible to the account`,
      );
    default:
      return fail('JIRA_JQL_INVALID', 'Jira rejected the query');
  }
}
