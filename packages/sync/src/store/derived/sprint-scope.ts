/**
 * Sprint scope, derived: for every (sprint, work item) the work item's sprint history names, when
 * it joined and left the sprint, whether it was in scope when the sprint started and when it ended
 * (completed, or now while it runs), whether it was completed in the sprint, whether it was carried
 * over (in scope when a closed sprint ended and not done then), and its story points when it joined.
 *
 * Recomputed, in the page's transaction, for the work items a page wrote (their history or their
 * transitions changed) and for the work items of the sprints it wrote (their dates changed), so
 * whichever arrives first, sprint or issue, the rows are right once both are stored. Work items
 * without a sprint history (imports that write sprint_work_items some other way) are left alone.
 *
 * Definitions (docs/connectors/jira.md, "Sprints"):
 * - end of a sprint: its completion (closed), else "now" (active or future: the item's current
 *   membership);
 * - completed in the sprint: in scope at the end, in a done category then, and not already done
 *   when it joined the sprint (Jira reports those as completed outside the sprint);
 * - story points at start: the points when the item joined the sprint (the start, or later when
 *   added after the start); none for a sprint that has not started.
 */
import type { Page } from '../page.ts';

const periodsOf = (m: string) => `jsonb_array_elements(${m}.periods) p`;
const from = `(p->>'from')::timestamptz`;
const to = `(p->>'to')::timestamptz`;
const inAt = (m: string, t: string) =>
  `EXISTS (SELECT 1 FROM ${periodsOf(m)} WHERE ${from} <= ${t} AND (p->>'to' IS NULL OR ${to} > ${t}))`;
const inNow = (m: string) => `EXISTS (SELECT 1 FROM ${periodsOf(m)} WHERE p->>'to' IS NULL)`;

/** The status category of work item `m.work_item_id` at `t` (NULL t: now). */
const categoryAt = (m: string, t: string) => `CASE WHEN ${t} IS NULL THEN ${m}.status_category ELSE coalesce(
    (SELECT tr.to_category FROM work_item_transitions tr
     WHERE tr.tenant_id = $1 AND tr.work_item_id = ${m}.work_item_id AND tr.at <= ${t}
     ORDER BY tr.at DESC, tr.id DESC LIMIT 1),
    (SELECT coalesce(tr.from_category, 'todo') FROM work_item_transitions tr
     WHERE tr.tenant_id = $1 AND tr.work_item_id = ${m}.work_item_id ORDER BY tr.at, tr.id LIMIT 1),
    ${m}.status_category) END`;

const pointsAt = (m: string, t: string) => `CASE WHEN ${m}.story_points_history IS NULL THEN ${m}.story_points
  ELSE (SELECT (h->>'value')::numeric FROM jsonb_array_elements(${m}.story_points_history) WITH ORDINALITY AS e(h, n)
        WHERE (h->>'at')::timestamptz <= ${t} ORDER BY (h->>'at')::timestamptz DESC, n DESC LIMIT 1) END`;

const refreshSql = `
  WITH targets AS (
    SELECT w.id FROM json_array_elements($2::json) k
    JOIN work_items w ON w.tenant_id = $1 AND w.source = k->>0 AND w.external_id = k->>1
    UNION
    SELECT value::bigint FROM json_array_elements_text($3::json)
    UNION
    SELECT w.id FROM sprints s JOIN work_items w ON w.tenant_id = $1
      AND w.sprint_history @> jsonb_build_array(jsonb_build_object('source', s.source, 'externalId', s.external_id))
    WHERE s.tenant_id = $1
      AND (s.source, s.external_id) IN (SELECT k->>0, k->>1 FROM json_array_elements($4::json) k)),
  m AS (
    SELECT w.id AS work_item_id, s.id AS sprint_id, s.state, s.starts_at,
      CASE WHEN s.state = 'closed' THEN coalesce(s.completed_at, s.ends_at) END AS end_at,
      e->'periods' AS periods, w.status_category, w.story_points, w.story_points_history
    FROM targets t
    JOIN work_items w ON w.tenant_id = $1 AND w.id = t.id
    CROSS JOIN LATERAL jsonb_array_elements(w.sprint_history) e
    JOIN sprints s ON s.tenant_id = $1 AND s.source = e->>'source' AND s.external_id = e->>'externalId'),
  spans AS (
    SELECT m.*,
      (SELECT min(${from}) FROM ${periodsOf('m')}) AS added_at,
      CASE WHEN ${inNow('m')} THEN NULL ELSE (SELECT max(${to}) FROM ${periodsOf('m')}) END AS removed_at,
      m.starts_at IS NOT NULL AND ${inAt('m', 'm.starts_at')} AS at_start,
      CASE WHEN m.end_at IS NULL THEN ${inNow('m')} ELSE ${inAt('m', 'm.end_at')} END AS at_end
    FROM m),
  derived AS (
    SELECT s.*,
      CASE WHEN s.starts_at IS NULL THEN NULL ELSE greatest(s.starts_at, s.added_at) END AS joined_at
    FROM spans s),
  rows AS (
    SELECT d.sprint_id, d.work_item_id, d.added_at, d.removed_at, d.at_start, d.at_end,
      d.state <> 'future' AND d.at_end AND ${categoryAt('d', 'd.end_at')} = 'done'
        AND ${categoryAt('d', 'd.joined_at')} IS DISTINCT FROM 'done' AS completed,
      d.state = 'closed' AND d.at_end AND ${categoryAt('d', 'd.end_at')} <> 'done' AS carried,
      CASE WHEN d.joined_at IS NULL THEN NULL ELSE ${pointsAt('d', 'd.joined_at')} END AS points
    FROM derived d),
  removed AS (
    DELETE FROM sprint_work_items x USING targets t, work_items w
    WHERE x.tenant_id = $1 AND x.work_item_id = t.id AND w.tenant_id = $1 AND w.id = t.id
      AND w.sprint_history IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM rows r WHERE r.sprint_id = x.sprint_id AND r.work_item_id = x.work_item_id)
    RETURNING 1)
  INSERT INTO sprint_work_items (tenant_id, sprint_id, work_item_id, added_at, removed_at,
    in_scope_at_start, in_scope_at_end, completed_in_sprint, carried_over, story_points_at_start)
  SELECT $1, sprint_id, work_item_id, added_at, removed_at, at_start, at_end, completed, carried, points FROM rows
  ORDER BY sprint_id, work_item_id
  ON CONFLICT (tenant_id, sprint_id, work_item_id) DO UPDATE SET
    added_at = excluded.added_at, removed_at = excluded.removed_at,
    in_scope_at_start = excluded.in_scope_at_start, in_scope_at_end = excluded.in_scope_at_end,
    completed_in_sprint = excluded.completed_in_sprint, carried_over = excluded.carried_over,
    story_points_at_start = excluded.story_points_at_start
  WHERE (sprint_work_items.added_at, sprint_work_items.removed_at, sprint_work_items.in_scope_at_start,
         sprint_work_items.in_scope_at_end, sprint_work_items.completed_in_sprint,
         sprint_work_items.carried_over, sprint_work_items.story_points_at_start)
    IS DISTINCT FROM (excluded.added_at, excluded.removed_at, excluded.in_scope_at_start,
         excluded.in_scope_at_end, excluded.completed_in_sprint, excluded.carried_over,
         excluded.story_points_at_start)`;

/** Recomputes the sprint scope rows touched by the page (see above). */
export async function refreshSprintScope(page: Page): Promise<void> {
  const { workItems, workItemIds, sprints } = page.touched;
  if (workItems.length + workItemIds.length + sprints.length === 0) return;
  const pairs = (keys: readonly string[]) =>
    JSON.stringify(keys.map((key) => [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)]));
  await page.tx.query(refreshSql, [
    page.ctx.tenantId,
    pairs(workItems),
    JSON.stringify(workItemIds),
    pairs(sprints),
  ]);
}
