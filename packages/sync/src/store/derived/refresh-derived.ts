/** Derived rows a page's records affect, recomputed at the end of the page's write. */
import type { Page } from '../page.ts';
import { linkIncidentServices } from './incident-services.ts';
import { refreshPullRequestKeys } from './pull-request-keys.ts';
import { relinkByKeys } from './pull-request-links.ts';
import { refreshSprintScope } from './sprint-scope.ts';

export async function refreshDerived(page: Page): Promise<void> {
  await refreshSprintScope(page);
  await relinkByKeys(page, await refreshPullRequestKeys(page));
  await linkIncidentServices(page);
}
