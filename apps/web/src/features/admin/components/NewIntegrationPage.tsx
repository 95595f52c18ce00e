import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { integrationsApi } from '../api/integrations-api.ts';
import { emptyIntegrationForm, type IntegrationForm } from '../lib/integration-form.ts';
import { validateIntegrationForm, type FormErrors } from '../lib/validate-integration-form.ts';
import { Field } from './Field.tsx';

/** Add a GitHub, local git or Jira integration; fields are checked before the request. */
export function NewIntegrationPage() {
  const [form, setForm] = useState<IntegrationForm>(emptyIntegrationForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: integrationsApi.create,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
      void navigate(`/admin/integrations/${created.id}`);
    },
  });
  const set =
    <K extends keyof IntegrationForm>(key: K) =>
    (value: IntegrationForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const text =
    (key: keyof IntegrationForm, type = 'text') =>
    (props: object) => (
      <input
        {...props}
        name={key}
        type={type}
        value={form[key]}
        autoComplete={type === 'password' ? 'off' : undefined}
        onChange={(e) => set(key)(e.target.value as never)}
      />
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateIntegrationForm(form);
    setErrors(result.errors);
    if (result.request !== undefined) create.mutate(result.request);
  };
  return (
    <>
      <h1>Add integration</h1>
      <form className="card form" onSubmit={submit} noValidate aria-label="Add integration">
        <Field label="Kind">
          {(props) => (
            <select
              {...props}
              name="kind"
              value={form.kind}
              onChange={(e) => set('kind')(e.target.value as IntegrationForm['kind'])}
            >
              <option value="github">GitHub</option>
              <option value="git">Local git repositories</option>
              <option value="jira">Jira</option>
            </select>
          )}
        </Field>
        <Field label="Name" hint="A short name, e.g. github-acme" error={errors.name}>
          {text('name')}
        </Field>
        {form.kind === 'github' && (
          <>
            <Field
              label="API base URL"
              hint="https://api.github.com, or https://HOST/api/v3 for Enterprise Server"
              error={errors.baseUrl}
            >
              {text('baseUrl', 'url')}
            </Field>
            <Field label="Repositories to read">
              {(props) => (
                <select
                  {...props}
                  name="selection"
                  value={form.selection}
                  onChange={(e) => set('selection')(e.target.value as IntegrationForm['selection'])}
                >
                  <option value="org">Every repository of an organisation</option>
                  <option value="user">Every repository of a user</option>
                  <option value="repositories">A list of repositories</option>
                </select>
              )}
            </Field>
            {form.selection === 'repositories' ? (
              <Field label="Repositories" hint="owner/name, one per line" error={errors.repositories}>
                {(props) => (
                  <textarea
                    {...props}
                    name="repositories"
                    rows={3}
                    value={form.repositories}
                    onChange={(e) => set('repositories')(e.target.value)}
                  />
                )}
              </Field>
            ) : (
              <Field label={form.selection === 'org' ? 'Organisation' : 'User'} error={errors.owner}>
                {text('owner')}
              </Field>
            )}
            <Field label="Token" hint="Stored encrypted; never shown again" error={errors.token}>
              {text('token', 'password')}
            </Field>
            <Field label="Deployments come from">
              {(props) => (
                <select
                  {...props}
                  name="deploymentSource"
                  value={form.deploymentSource}
                  onChange={(e) =>
                    set('deploymentSource')(e.target.value as IntegrationForm['deploymentSource'])
                  }
                >
                  <option value="deployments">GitHub Deployments</option>
                  <option value="workflow_runs">Actions workflow runs</option>
                  <option value="releases">Releases</option>
                  <option value="tags">Tags</option>
                  <option value="pull_requests">Pull requests merged into the production branch</option>
                </select>
              )}
            </Field>
            <Field label="Production environments (regular expression)" error={errors.environmentPattern}>
              {text('environmentPattern')}
            </Field>
            {form.deploymentSource === 'workflow_runs' && (
              <Field label="Deploying workflows (regular expression)" error={errors.workflowPattern}>
                {text('workflowPattern')}
              </Field>
            )}
            <Field label="Incident label" hint="Issues with this label become incidents">
              {text('incidentLabel')}
            </Field>
          </>
        )}
        {form.kind === 'git' && (
          <Field
            label="Repositories"
            hint="One per line: an absolute path on the Pulse server, optionally followed by the full name (acme/api)"
            error={errors.gitRepositories}
          >
            {(props) => (
              <textarea
                {...props}
                name="gitRepositories"
                rows={3}
                value={form.gitRepositories}
                onChange={(e) => set('gitRepositories')(e.target.value)}
              />
            )}
          </Field>
        )}
        {form.kind === 'jira' && (
          <>
            <Field label="Site URL" hint="e.g. https://acme.atlassian.net" error={errors.jiraUrl}>
              {text('jiraUrl', 'url')}
            </Field>
            <Field
              label="Account e-mail"
              hint="Jira Cloud only: the account the API token belongs to"
              error={errors.jiraEmail}
            >
              {text('jiraEmail', 'email')}
            </Field>
            <Field
              label="API token"
              hint="Cloud: an API token; Data Center: a personal access token. Stored encrypted; never shown again"
              error={errors.jiraToken}
            >
              {text('jiraToken', 'password')}
            </Field>
            <Field
              label="Projects"
              hint="Project keys, comma-separated; empty for every project"
              error={errors.jiraProjects}
            >
              {text('jiraProjects')}
            </Field>
          </>
        )}
        <Field label="Sync every (minutes)" error={errors.syncIntervalMinutes}>
          {text('syncIntervalMinutes', 'number')}
        </Field>
        {create.error !== null && <ErrorBox error={create.error} title="Not added" />}
        <div className="button-row">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add integration'}
          </button>
        </div>
      </form>
    </>
  );
}
