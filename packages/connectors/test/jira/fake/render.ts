/**
 * What the fake serves, built from the model and typed with the jira.js models of Jira's REST API
 * (platform v3 for Cloud, v2 for Data Center, Agile 1.0), so the payloads cannot drift from Jira's
 * published shapes.
 */
import type * as AgileModels from 'jira.js/agile/models';
import type * as Version2Models from 'jira.js/version2/models';
import type * as Version3Models from 'jira.js/version3/models';
import {
  applyChange,
  jiraTimestamp,
  stateOf,
  statusById,
  statusNameAt,
  userById,
  type FakeIssue,
  type FakeState,
  type FakeJira,
  type FakeSprint,
  type Flavour,
} from './model.ts';

type UserJson = Version3Models.UserDetails;
type History = Version3Models.Changelog;

export function renderUser(model: FakeJira, accountId: string | null, flavour: Flavour): UserJson | null {
  if (accountId === null) return null;
  const user = userById(model, accountId);
  const common = {
    displayName: user.displayName,
    active: true,
    ...(user.emailVisible ? { emailAddress: user.email } : {}),
  };
  return flavour === 'cloud'
    ? {
        ...common,
        accountId: user.accountId,
        accountType: user.app ? 'app' : 'atlassian',
        timeZone: model.timeZone,
        self: `/rest/api/3/user?accountId=${user.accountId}`,
      }
    : {
        ...common,
        key: user.key,
        name: user.name,
        timeZone: model.timeZone,
        self: `/rest/api/2/user?username=${user.name}`,
      };
}

export function renderStatus(model: FakeJira, id: string): Version3Models.StatusDetails {
  const status = statusById(model, id);
  const ids = { new: 2, indeterminate: 4, done: 3 } as const;
  const names = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;
  return {
    id,
    name: status.name,
    self: `/rest/api/3/status/${id}`,
    statusCategory: {
      id: ids[status.category],
      key: status.category,
      name: names[status.category],
      colorName: 'blue-gray',
    },
  };
}

function sprintValue(model: FakeJira, ids: readonly number[], flavour: Flavour): unknown[] | null {
  if (ids.length === 0) return null;
  return ids.map((id) => {
    const sprint = model.sprints.find((s) => s.id === id)!;
    if (flavour === 'cloud')
      return {
        id: sprint.id,
        name: sprint.name,
        state: sprint.state,
        boardId: sprint.boardId,
        goal: sprint.goal ?? '',
        ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
        ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
        ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
      };
    // Data Center serialises sprints as the toString() of its Java object.
    return `com.atlassian.greenhopper.service.sprint.Sprint@${(0x1f00 + sprint.id).toString(16)}[id=${sprint.id},rapidViewId=${sprint.boardId},state=${sprint.state.toUpperCase()},name=${sprint.name},startDate=${sprint.startDate ?? '<null>'},endDate=${sprint.endDate ?? '<null>'},completeDate=${sprint.completeDate ?? '<null>'},sequence=${sprint.id},goal=${sprint.goal ?? ''}]`;
  });
}

/** The changelog: one history per change, with one item per field it changed. */
export function renderHistories(model: FakeJira, issue: FakeIssue, flavour: Flavour): History[] {
  const histories: History[] = [];
  let state: FakeState = { ...issue.initial, updated: issue.created };
  issue.changes.forEach((change, index) => {
    const items: Version3Models.ChangeDetails[] = [];
    const id = (fieldId: string) => (flavour === 'cloud' ? { fieldId } : {});
    if (change.status !== undefined && change.status !== state.status) {
      items.push({
        field: 'status',
        fieldtype: 'jira',
        ...id('status'),
        from: state.status,
        fromString: statusNameAt(statusById(model, state.status), change.at),
        to: change.status,
        toString: statusNameAt(statusById(model, change.status), change.at),
      });
    }
    if (change.sprints !== undefined) {
      const names = (ids: readonly number[]) =>
        ids.map((s) => model.sprints.find((x) => x.id === s)!.name).join(', ');
      items.push({
        field: 'Sprint',
        fieldtype: 'custom',
        ...id(model.fieldIds.sprint),
        from: state.sprints.join(', '),
        fromString: names(state.sprints),
        to: change.sprints.join(', '),
        toString: names(change.sprints),
      });
    }
    if (change.points !== undefined) {
      items.push({
        field: model.storyPointsName,
        fieldtype: 'custom',
        ...id(model.fieldIds.storyPoints),
        fromString: state.points === null ? '' : String(state.points),
        toString: change.points === null ? '' : String(change.points),
      });
    }
    if (change.assignee !== undefined) {
      // jira.js types from/to as optional strings: an empty side (no assignee) is left out.
      const name = (user: string) => userById(model, user).displayName;
      items.push({
        field: 'assignee',
        fieldtype: 'jira',
        ...id('assignee'),
        ...(state.assignee === null ? {} : { from: state.assignee, fromString: name(state.assignee) }),
        ...(change.assignee === null ? {} : { to: change.assignee, toString: name(change.assignee) }),
      });
    }
    histories.push({
      id: String(issue.id * 1000 + index),
      author: renderUser(model, change.by, flavour) ?? {},
      created: jiraTimestamp(change.at),
      items,
    });
    state = applyChange(state, change);
  });
  return histories;
}

/** Every field the fake knows, as Jira names them. */
function allFields(model: FakeJira, issue: FakeIssue, flavour: Flavour): Record<string, unknown> {
  const state = stateOf(issue);
  const status = statusById(model, state.status);
  const project = model.projects.find((p) => p.key === issue.project)!;
  const resolved =
    status.category === 'done'
      ? [...issue.changes].reverse().find((c) => c.status !== undefined)?.at
      : undefined;
  return {
    summary: issue.summary,
    status: renderStatus(model, state.status),
    issuetype: { id: String(issue.type.length), name: issue.type, subtask: false },
    priority: { id: '3', name: issue.priority },
    assignee: renderUser(model, state.assignee, flavour),
    reporter: renderUser(model, issue.reporter, flavour),
    created: jiraTimestamp(issue.created),
    updated: jiraTimestamp(state.updated),
    resolutiondate: resolved ? jiraTimestamp(resolved) : null,
    project: { id: project.id, key: project.key, name: project.name },
    components: issue.components.map((name, i) => ({ id: String(i + 1), name })),
    labels: [...issue.labels],
    [model.fieldIds.storyPoints]: state.points,
    [model.fieldIds.sprint]: sprintValue(model, state.sprints, flavour),
    [model.fieldIds.service]: issue.components[0] ? { value: issue.components[0], id: '1' } : null,
  };
}

export interface RenderOptions {
  readonly fields: readonly string[];
  readonly changelog: boolean;
  /** Histories shown inline; the rest only through the issue (total says how many there are). */
  readonly inlineHistories: number;
}

export function renderIssue(
  model: FakeJira,
  issue: FakeIssue,
  flavour: Flavour,
  options: RenderOptions,
): Version3Models.Issue | Version2Models.Issue {
  const fields = allFields(model, issue, flavour);
  const wanted = options.fields.includes('*all') ? Object.keys(fields) : options.fields;
  const picked = Object.fromEntries(wanted.filter((f) => f in fields).map((f) => [f, fields[f]]));
  const histories = options.changelog ? renderHistories(model, issue, flavour) : [];
  const base = {
    id: String(issue.id),
    key: issue.key,
    self: `/rest/api/${flavour === 'cloud' ? 3 : 2}/issue/${issue.id}`,
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    ...(options.changelog
      ? {
          changelog: {
            startAt: 0,
            maxResults: Math.min(histories.length, options.inlineHistories),
            total: histories.length,
            histories: histories.slice(0, options.inlineHistories),
          },
        }
      : {}),
  };
  return { ...base, fields: picked as Version3Models.Fields };
}

export function renderSprint(sprint: FakeSprint): AgileModels.Sprint {
  return {
    id: sprint.id,
    self: `/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    originBoardId: sprint.boardId,
    ...(sprint.goal ? { goal: sprint.goal } : {}),
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
  };
}

export function renderFields(model: FakeJira): Version3Models.FieldDetails[] {
  const custom = (
    id: string,
    name: string,
    type: string,
    schemaCustom: string,
  ): Version3Models.FieldDetails => ({
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${id.replace('customfield_', '')}]`, name],
    schema: { type, custom: schemaCustom, customId: Number(id.replace('customfield_', '')) },
  });
  return [
    {
      id: 'summary',
      key: 'summary',
      name: 'Summary',
      custom: false,
      navigable: true,
      schema: { type: 'string', system: 'summary' },
    },
    {
      id: 'status',
      key: 'status',
      name: 'Status',
      custom: false,
      navigable: true,
      schema: { type: 'status', system: 'status' },
    },
    custom(
      'customfield_10001',
      'Story Points',
      'string',
      'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
    ),
    custom(
      model.fieldIds.storyPoints,
      model.storyPointsName,
      'number',
      'com.atlassian.jira.plugin.system.customfieldtypes:float',
    ),
    custom(model.fieldIds.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint'),
    custom(
      model.fieldIds.service,
      'Affected service',
      'option',
      'com.atlassian.jira.plugin.system.customfieldtypes:select',
    ),
  ];
}
