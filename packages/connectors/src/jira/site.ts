/**
 * Facts about the Jira site a run needs once: the account's time zone (JQL dates are read in
 * it), the custom fields holding story points, sprints and the affected service, and every
 * status with its category. Fetched once per run and shared by the streams (ctx.memo).
 */
import type { FieldRef, JiraField, JiraStatus, JiraUser } from './payloads.ts';
import { apiRoot, type JiraConfig } from './config.ts';
import { jiraRequest, type JiraContext } from './client.ts';

export interface Site {
  /** IANA zone of the account (JQL interprets dates in it); UTC when Jira does not say. */
  readonly timeZone: string;
  readonly account: string;
  readonly fields: {
    readonly storyPoints?: FieldRef;
    readonly sprint?: FieldRef;
    readonly service?: FieldRef;
  };
  readonly statuses: Readonly<Record<string, { readonly name: string; readonly category: string }>>;
}

/** Story-point fields by name, most specific first (company-managed, team-managed, plugins). */
const storyPointNames = [
  'story points',
  'story point estimate',
  'story points (sp)',
  'story point',
  'storypoints',
  'sp',
];

export function loadSite(ctx: JiraContext): Promise<Site> {
  const key = 'jira:site';
  let pending = ctx.memo.get(key) as Promise<Site> | undefined;
  if (pending === undefined) {
    pending = fetchSite(ctx);
    ctx.memo.set(key, pending);
    // A failed load (e.g. a 5xx streak) must not poison the rest of the run.
    pending.catch(() => ctx.memo.delete(key));
  }
  return pending;
}

async function fetchSite(ctx: JiraContext): Promise<Site> {
  const root = apiRoot(ctx.config);
  const [myself, fields, statuses] = await Promise.all([
    jiraRequest<JiraUser>(ctx, `${root}/myself`),
    jiraRequest<JiraField[]>(ctx, `${root}/field`),
    jiraRequest<JiraStatus[]>(ctx, `${root}/status`),
  ]);
  const list = fields.body ?? [];
  return {
    timeZone: validZone(myself.body?.timeZone),
    // Shown in "test connection": a bounded, printable name only, never a body's worth of text.
    account: accountName(myself.body?.displayName ?? myself.body?.emailAddress ?? myself.body?.name),
    fields: pickFields(ctx.config, list),
    statuses: Object.fromEntries(
      (statuses.body ?? [])
        .filter((s) => s.id !== undefined)
        .map((s) => [s.id!, { name: s.name ?? s.id!, category: s.statusCategory?.key ?? 'indeterminate' }]),
    ),
  };
}

/** The fields the mapping needs, by explicit id or name from the settings, else by well-known names. */
export function pickFields(config: JiraConfig, list: readonly JiraField[]): Site['fields'] {
  const refs = list.filter((f) => f.id && f.name).map((f) => ({ id: f.id!, name: f.name!, field: f }));
  const byIdOrName = (wanted: string | undefined) =>
    wanted === undefined
      ? undefined
      : (refs.find((f) => f.id === wanted) ??
        refs.find((f) => f.name.toLowerCase() === wanted.toLowerCase()));
  const storyPoints =
    byIdOrName(config.fields.storyPoints) ??
    storyPointNames
      .map((name) => refs.find((f) => f.name.toLowerCase() === name && f.field.schema?.type !== 'string'))
      .find((f) => f !== undefined);
  const sprint =
    byIdOrName(config.fields.sprint) ??
    refs.find((f) => f.field.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint') ??
    refs.find((f) => f.name.toLowerCase() === 'sprint');
  const serviceField = config.incidents.serviceField;
  const service =
    serviceField === 'components' ? { id: 'components', name: 'Component/s' } : byIdOrName(serviceField);
  const ref = (f: { id: string; name: string } | undefined) => (f ? { id: f.id, name: f.name } : undefined);
  return {
    ...(storyPoints ? { storyPoints: ref(storyPoints)! } : {}),
    ...(sprint ? { sprint: ref(sprint)! } : {}),
    ...(service ? { service: ref(service)! } : {}),
  };
}

function accountName(name: unknown): string {
  if (typeof name !== 'string') return 'unknown';
  const printable = name.replace(/[^\p{L}\p{N}\p{Zs}.@'_-]/gu, '').trim();
  return printable === '' ? 'unknown' : printable.slice(0, 100);
}

function validZone(zone: string | undefined): string {
  if (zone === undefined) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
