import type { NewIntegration } from '../api/integration.ts';
import type { IntegrationForm } from './integration-form.ts';

export type FormErrors = Partial<Record<keyof IntegrationForm, string>>;

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

function isUrl(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isRegExp(value: string): boolean {
  try {
    new RegExp(value, 'i');
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the add-integration form as the connectors will (docs/connectors/<kind>.md) and builds
 * the POST /integrations body. Each error names the field and says what is expected, so most
 * mistakes are caught before the request; the API still checks everything.
 */
export function validateIntegrationForm(form: IntegrationForm): {
  errors: FormErrors;
  request?: NewIntegration;
} {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/i.test(name))
    errors.name = 'Use 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
  const interval = Number(form.syncIntervalMinutes);
  if (!Number.isInteger(interval) || interval < 1 || interval > 43_200)
    errors.syncIntervalMinutes = 'A whole number of minutes from 1 to 43200 (30 days).';
  let config: Record<string, unknown> = {};
  let secrets: Record<string, string> | undefined;

  if (form.kind === 'github') {
    if (!isUrl(form.baseUrl.trim(), ['https:', 'http:']))
      errors.baseUrl =
        'An http(s) URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.';
    const repositories = lines(form.repositories);
    if (form.selection === 'repositories') {
      if (repositories.length === 0) errors.repositories = 'List at least one repository as owner/name.';
      const bad = repositories.find((r) => !/^[\w.-]+\/[\w.-]+$/.test(r));
      if (bad !== undefined) errors.repositories = `"${bad}" is not owner/name.`;
    } else if (!/^[\w.-]{1,100}$/.test(form.owner.trim()))
      errors.owner = `The ${form.selection === 'org' ? 'organisation' : 'user'} login, e.g. "acme".`;
    if (form.token.trim() === '')
      errors.token = 'A personal access token or a GitHub App installation token.';
    if (!isRegExp(form.environmentPattern)) errors.environmentPattern = 'Not a valid regular expression.';
    if (form.deploymentSource === 'workflow_runs' && form.workflowPattern.trim() === '')
      errors.workflowPattern = 'Required when deployments come from workflow runs: which workflows deploy.';
    else if (form.workflowPattern !== '' && !isRegExp(form.workflowPattern))
      errors.workflowPattern = 'Not a valid regular expression.';
    config = {
      baseUrl: form.baseUrl.trim(),
      repositories:
        form.selection === 'repositories' ? { repositories } : { [form.selection]: form.owner.trim() },
      incidentLabel: form.incidentLabel.trim() || 'incident',
      deployments: {
        source: form.deploymentSource,
        environmentPattern: form.environmentPattern,
        ...(form.workflowPattern.trim() === '' ? {} : { workflowPattern: form.workflowPattern.trim() }),
      },
    };
    secrets = { token: form.token.trim() };
  } else if (form.kind === 'git') {
    const repos = lines(form.gitRepositories.replace(/,/g, '\n')).map((line) => {
      const [path = '', ...rest] = line.split(/\s+/);
      return { path, name: rest.join(' ') };
    });
    if (repos.length === 0)
      errors.gitRepositories = 'One repository per line: an absolute path, optionally followed by its name.';
    const relative = repos.find((r) => !r.path.startsWith('/'));
    if (relative !== undefined)
      errors.gitRepositories = `"${relative.path}" is not an absolute path on the Pulse server.`;
    const badName = repos.find((r) => r.name !== '' && !/^[^/\s]+(\/[^/\s]+)*$/.test(r.name));
    if (badName !== undefined)
      errors.gitRepositories = `"${badName.name}" is not a full name such as acme/api.`;
    config = {
      repositories: repos.map((r) => (r.name === '' ? { path: r.path } : { path: r.path, name: r.name })),
    };
  } else {
    // docs/connectors/jira.md: Cloud signs in with the account's e-mail and an API token, Data
    // Center with a personal access token (no e-mail).
    const url = form.jiraUrl.trim();
    if (!isUrl(url, ['https:', 'http:']))
      errors.jiraUrl = 'The site URL, e.g. https://acme.atlassian.net, or the Data Center base URL.';
    const cloud =
      isUrl(url, ['https:', 'http:']) && /\.(atlassian\.net|jira\.com)$/i.test(new URL(url).hostname);
    const email = form.jiraEmail.trim();
    if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email))
      errors.jiraEmail = 'The e-mail of the account the API token belongs to.';
    else if (cloud && email === '')
      errors.jiraEmail = 'Jira Cloud needs the e-mail of the account the API token belongs to.';
    if (form.jiraToken.trim() === '')
      errors.jiraToken = 'An API token of that account (Cloud) or a personal access token (Data Center).';
    const projects = lines(form.jiraProjects);
    const bad = projects.find((p) => !/^[A-Z][A-Z0-9_]{1,254}$/.test(p));
    if (projects.length === 0) errors.jiraProjects = 'At least one project key, e.g. OPS.';
    else if (bad !== undefined)
      errors.jiraProjects = `"${bad}" is not a project key (a capital letter, then capitals, digits or _).`;
    config = { baseUrl: url, ...(email === '' ? {} : { email }), projects: { keys: projects } };
    secrets = { token: form.jiraToken.trim() };
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    request: {
      kind: form.kind,
      name,
      config,
      ...(secrets === undefined ? {} : { secrets }),
      syncIntervalMinutes: interval,
    },
  };
}
