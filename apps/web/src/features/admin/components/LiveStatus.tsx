import { useStreamStatus } from '../hooks/use-stream-status.ts';

const labels = { live: 'Live', connecting: 'Connecting…', unavailable: 'Not live' } as const;
const titles = {
  live: 'Live updates are on: sync progress and new data arrive as they happen.',
  connecting: 'Connecting to live updates…',
  unavailable: 'Live updates are unavailable; pages refresh by polling.',
} as const;

/** Whether the dashboard receives live updates. */
export function LiveStatus() {
  const status = useStreamStatus();
  return (
    <span className={`live-status live-${status}`} title={titles[status]} data-testid="live-status">
      <span aria-hidden="true">●</span> {labels[status]}
    </span>
  );
}
