/** The changes of one field in an issue's changelog, oldest first. */
import { jiraTime } from '../jql.ts';
import type { FieldRef, JiraIssue, JiraUser } from '../payloads.ts';

export interface FieldChange {
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly fromString: string | null;
  readonly toString: string | null;
  readonly by: JiraUser | undefined;
  /** `historyId:itemIndex`, unique within the site. */
  readonly id: string;
}

export const statusField: FieldRef = { id: 'status', name: 'status' };

/**
 * Changes of `field`: items with its id (Cloud names it), or with its name when the item has no
 * id (Data Center changelogs name fields only). Same-instant entries keep Jira's order.
 */
export function fieldChanges(issue: JiraIssue, field: FieldRef): FieldChange[] {
  const name = field.name.toLowerCase();
  const histories = [...(issue.changelog?.histories ?? [])]
    .map((history, position) => ({ history, position }))
    .filter(({ history }) => history.created !== undefined)
    .sort(
      (a, b) =>
        Date.parse(jiraTime(a.history.created!)) - Date.parse(jiraTime(b.history.created!)) ||
        Number(a.history.id ?? 0) - Number(b.history.id ?? 0) ||
        a.position - b.position,
    );
  return histories.flatMap(({ history }) =>
    (history.items ?? []).flatMap((item, index) => {
      const matches =
        item.fieldId !== undefined ? item.fieldId === field.id : item.field?.toLowerCase() === name;
      if (!matches) return [];
      return [
        {
          at: jiraTime(history.created!),
          from: item.from ?? null,
          to: item.to ?? null,
          fromString: item.fromString ?? null,
          toString: item.toString ?? null,
          by: history.author,
          id: `${history.id ?? 'h'}:${index}`,
        },
      ];
    }),
  );
}
