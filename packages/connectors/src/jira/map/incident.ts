/**
 * An issue that is an incident: started when created, resolved at its resolution date (or when
 * it last entered a done category), severity from its priority, and the affected service from the
 * configured field (a text, an option, a list of them) or its first component.
 */
import type { RecordOf } from '@pulse/core';
import type { IssuePayload } from '../payloads.ts';

export function mapIncident(
  payload: IssuePayload,
  item: RecordOf<'work_item'>,
  transitions: readonly RecordOf<'transition'>[],
): RecordOf<'incident'> {
  const done = item.statusCategory === 'done';
  const lastDone = transitions.filter((t) => t.toCategory === 'done').at(-1)?.at;
  const resolvedAt = done ? (item.resolvedAt ?? lastDone ?? item.updatedAt) : undefined;
  const field = payload.site.fields.service;
  const service = field === undefined ? undefined : serviceName(payload.issue.fields[field.id]);
  return {
    type: 'incident',
    source: 'jira',
    externalId: item.externalId,
    title: item.title,
    ...(item.url ? { url: item.url } : {}),
    ...(item.priority ? { severity: item.priority } : {}),
    status: resolvedAt === undefined ? 'open' : 'resolved',
    ...(service ? { service } : {}),
    startedAt: item.createdAt,
    ...(resolvedAt && Date.parse(resolvedAt) >= Date.parse(item.createdAt) ? { resolvedAt } : {}),
    updatedAt: item.updatedAt,
  };
}

/** The first name in a field value: "api", {value: "api"}, {name: "api"}, or a list of those. */
function serviceName(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof first === 'string') return first.trim() || undefined;
  if (first !== null && typeof first === 'object') {
    const { value: v, name } = first as { value?: unknown; name?: unknown };
    const text = typeof v === 'string' ? v : typeof name === 'string' ? name : undefined;
    return text?.trim() || undefined;
  }
  return undefined;
}
