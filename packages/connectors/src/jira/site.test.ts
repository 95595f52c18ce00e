import { describe, expect, it } from 'vitest';
import { jiraConfig } from './config.ts';
import type { JiraField } from './payloads.ts';
import { pickFields } from './site.ts';

const number = { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' };
const fields: JiraField[] = [
  { id: 'customfield_10001', name: 'Story Points', custom: true, schema: { type: 'string' } },
  { id: 'customfield_10016', name: 'Story point estimate', custom: true, schema: number },
  { id: 'customfield_10024', name: 'Story Points (SP)', custom: true, schema: number },
  {
    id: 'customfield_10020',
    name: 'Sprint',
    custom: true,
    schema: { type: 'array', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
  },
  { id: 'customfield_10050', name: 'Affected service', custom: true, schema: { type: 'option' } },
];
const config = (extra: object = {}) =>
  jiraConfig.parse({ baseUrl: 'https://jira.acme.example', projects: { keys: ['PROJ'] }, ...extra });

describe('finding the story-point, sprint and service fields', () => {
  it('takes the first numeric field among the common story-point names, and the sprint field by its type', () => {
    expect(pickFields(config(), fields)).toEqual({
      storyPoints: { id: 'customfield_10016', name: 'Story point estimate' },
      sprint: { id: 'customfield_10020', name: 'Sprint' },
    });
    const classic = [{ id: 'customfield_10002', name: 'story points', schema: number }, ...fields];
    expect(pickFields(config(), classic).storyPoints).toEqual({
      id: 'customfield_10002',
      name: 'story points',
    });
    expect(pickFields(config(), fields.slice(2)).storyPoints).toEqual({
      id: 'customfield_10024',
      name: 'Story Points (SP)',
    });
    expect(pickFields(config(), [fields[0]!])).toEqual({});
  });

  it('uses the field id or name the settings give, and components or a field for the service', () => {
    expect(pickFields(config({ fields: { storyPoints: 'customfield_10024' } }), fields).storyPoints?.id).toBe(
      'customfield_10024',
    );
    expect(pickFields(config({ fields: { storyPoints: 'story points (sp)' } }), fields).storyPoints?.id).toBe(
      'customfield_10024',
    );
    expect(pickFields(config({ incidents: { serviceField: 'Affected service' } }), fields).service).toEqual({
      id: 'customfield_10050',
      name: 'Affected service',
    });
    expect(pickFields(config({ incidents: { serviceField: 'components' } }), fields).service?.id).toBe(
      'components',
    );
  });
});
