/**
 * The no-change probe: one conditional request per repository and run decides whether a stream
 * may skip the repository. It asks for the first event of `GET /repos/{owner}/{repo}/events`
 * with the ETag a stream saved when it last read the repository; 304 means no new event.
 *
 * The events feed gets an event for pushes, pull requests (opened, closed, reopened, edited,
 * synchronised, labelled), reviews, review comments, issues and issue comments, releases and
 * tag/branch creation and deletion. It gets none for deployments, deployment statuses, workflow
 * runs and check runs: streams reading those do not skip a repository while their cursor still
 * holds unfinished items (a running deployment, a queued workflow run, a pending check), and
 * new ones normally follow a push or a release, which the feed does see. GitHub may publish
 * events up to a few minutes late; a skipped repository's cursor does not move, so the next read
 * after the event appears picks everything up.
 *
 * 304 answers do not count against GitHub's rate limit, which is why the probe is conditional.
 */
import { restGet, type GithubContext } from './client.ts';

export interface ProbeResult {
  /** The events feed's current ETag (what a stream saves in its cursor after reading). */
  readonly etag: string | undefined;
}

/**
 * The repository's current probe ETag, requested once per run: the first stream to ask sends its
 * saved ETag, so in a run where nothing changed every stream sees the same value it saved.
 */
export function probeRepository(
  ctx: GithubContext,
  fullName: string,
  savedEtag: string | undefined,
): Promise<ProbeResult> {
  const key = `github:probe:${fullName}`;
  let pending = ctx.memo.get(key) as Promise<ProbeResult> | undefined;
  if (pending === undefined) {
    pending = restGet<unknown>(ctx, `/repos/${fullName}/events?per_page=1`, {
      etag: savedEtag,
      repository: fullName,
    }).then((response) => ({ etag: response.notModified ? savedEtag : response.etag }));
    ctx.memo.set(key, pending);
  }
  return pending;
}

/** True when a stream must read the repository: the probe moved, or the stream has no ETag. */
export function hasChanged(probe: ProbeResult, savedEtag: string | undefined): boolean {
  return savedEtag === undefined || probe.etag === undefined || probe.etag !== savedEtag;
}
