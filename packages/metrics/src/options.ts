/**
 * The choices behind Pulse's metric definitions that a tenant may tune. Defaults follow
 * docs/metrics.md; every metric reports which were used.
 */
export interface FactOptions {
  /** A failure (incident, rollback, revert, hotfix) is tied to a deployment within this window. */
  readonly failureWindowHours: number;
  /** Commit messages that mark a revert (PostgreSQL regular expression, case-insensitive). */
  readonly revertPattern: string;
  /** PR labels or head branches that mark a hotfix (case-insensitive regular expression). */
  readonly hotfixPattern: string;
  /** Logins of bots whose PRs and reviews are excluded (case-insensitive regular expression). */
  readonly botPattern: string;
  /** The first deployment of a series ships the commits since this time; null = all known history. */
  readonly changesSince: Date | null;
}

export const defaultFactOptions: FactOptions = {
  failureWindowHours: 7 * 24,
  revertPattern: '^revert\\M',
  hotfixPattern: '(^|[/_ -])hotfix([/_ -]|$)',
  botPattern: '(\\[bot\\]|-bot|^bot-)$',
  changesSince: null,
};

export function factOptions(overrides: Partial<FactOptions> = {}): FactOptions {
  return { ...defaultFactOptions, ...overrides };
}
