/**
 * The parts of Jira's REST payloads the connector reads (platform API v2/v3 and Agile 1.0). The
 * test fake types what it serves with the jira.js models and checks they fit these shapes.
 */

export interface JiraUser {
  readonly accountId?: string;
  readonly key?: string;
  readonly name?: string;
  readonly displayName?: string;
  readonly emailAddress?: string;
  readonly accountType?: string;
  readonly timeZone?: string;
}

export interface JiraStatus {
  readonly id?: string;
  readonly name?: string;
  readonly statusCategory?: { readonly key?: string };
}

export interface JiraChangeItem {
  readonly field?: string;
  readonly fieldId?: string;
  readonly from?: string | null;
  readonly fromString?: string | null;
  readonly to?: string | null;
  readonly toString?: string | null;
}

export interface JiraHistory {
  readonly id?: string;
  readonly author?: JiraUser;
  readonly created?: string;
  readonly items?: readonly JiraChangeItem[];
}

export interface JiraIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly changelog?: {
    readonly startAt?: number;
    readonly maxResults?: number;
    readonly total?: number;
    readonly histories?: readonly JiraHistory[];
  };
}

export interface JiraField {
  readonly id?: string;
  readonly name?: string;
  readonly custom?: boolean;
  readonly schema?: { readonly type?: string; readonly custom?: string };
}

export interface JiraBoard {
  readonly id?: number;
  readonly name?: string;
  readonly type?: string;
}

export interface JiraSprint {
  readonly id: number;
  readonly state: string;
  readonly name: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly completeDate?: string;
  readonly originBoardId?: number;
  readonly goal?: string;
}

/** Agile API pages (and Cloud's changelog pages): startAt / maxResults / isLast / values. */
export interface AgilePage<T> {
  readonly startAt?: number;
  readonly maxResults?: number;
  readonly total?: number;
  readonly isLast?: boolean;
  readonly values?: readonly T[];
}

/** A field the site resolved for the integration: its id and its display name (DC changelogs name fields). */
export interface FieldRef {
  readonly id: string;
  readonly name: string;
}

/**
 * What the issues stream stores per issue: the issue as Jira returned it (with its complete
 * changelog) plus the facts of the site its mapping needs, as they were when it was read.
 */
export interface IssuePayload {
  readonly issue: JiraIssue;
  readonly site: {
    readonly fields: {
      readonly storyPoints?: FieldRef;
      readonly sprint?: FieldRef;
      readonly service?: FieldRef;
    };
    /** Status id → current name and Jira category key (new, indeterminate, done), for the changelog. */
    readonly statuses: Readonly<Record<string, { readonly name: string; readonly category: string }>>;
    /** The issue matched the integration's incidents JQL. */
    readonly incidentJql?: boolean;
  };
}
