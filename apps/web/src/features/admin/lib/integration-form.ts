/** The fields of the add-integration form, as typed (all text; parsed by validateIntegrationForm). */
export interface IntegrationForm {
  readonly kind: 'github' | 'git' | 'jira';
  readonly name: string;
  readonly syncIntervalMinutes: string;
  // GitHub
  readonly baseUrl: string;
  readonly selection: 'org' | 'user' | 'repositories';
  readonly owner: string;
  readonly repositories: string;
  readonly token: string;
  readonly incidentLabel: string;
  readonly deploymentSource: 'deployments' | 'workflow_runs' | 'releases' | 'tags' | 'pull_requests';
  readonly environmentPattern: string;
  readonly workflowPattern: string;
  // git: one repository per line, "path" or "path name"
  readonly gitRepositories: string;
  // Jira
  readonly jiraUrl: string;
  readonly jiraEmail: string;
  readonly jiraToken: string;
  readonly jiraProjects: string;
}

export const emptyIntegrationForm: IntegrationForm = {
  kind: 'github',
  name: '',
  syncIntervalMinutes: '60',
  baseUrl: 'https://api.github.com',
  selection: 'org',
  owner: '',
  repositories: '',
  token: '',
  incidentLabel: 'incident',
  deploymentSource: 'deployments',
  environmentPattern: '^(prod|production)$',
  workflowPattern: '',
  gitRepositories: '',
  jiraUrl: '',
  jiraEmail: '',
  jiraToken: '',
  jiraProjects: '',
};
