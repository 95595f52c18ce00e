/**
 * The events of one repository's history in time order. Handling an event may schedule later
 * ones (an incident schedules its fix); events at the same time run in the order they were added.
 */
export interface TimedEvent {
  readonly at: number;
  readonly run: () => void;
}

export class EventQueue {
  readonly #events: TimedEvent[] = [];
  #now = -Infinity;

  add(at: number, run: () => void): void {
    if (at < this.#now) throw new Error(`event scheduled in the past (${new Date(at).toISOString()})`);
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#events[mid]!.at <= at) low = mid + 1;
      else high = mid;
    }
    this.#events.splice(low, 0, { at, run });
  }

  /** Runs every event before `end`, in time order. */
  runUntil(end: number): void {
    for (let event = this.#events.shift(); event !== undefined; event = this.#events.shift()) {
      if (event.at >= end) break;
      this.#now = event.at;
      event.run();
    }
  }
}
