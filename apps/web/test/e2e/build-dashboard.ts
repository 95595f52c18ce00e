/**
 * Vitest global setup: builds the dashboard once per run when its sources changed, before the
 * browser tests start `pulse serve` (which serves apps/web/dist).
 */
import { buildIfStale } from '../../scripts/build-if-stale.ts';

export default function setup(): void {
  buildIfStale((line) => console.log(line));
}
