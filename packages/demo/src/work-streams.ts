/**
 * What each engineer is working on: a topic of their team's domain, usually tracked by a Jira work
 * item, delivered in one or more pull requests. The work item's key is given later (keys follow
 * creation order), so a pull request only records that it will carry the key and where.
 */
import type { Human, Team, WorkItem } from './model.ts';
import type { Random } from './prng.ts';
import { debtVerbs, defectTitles, featureVerbs, topics } from './vocabulary.ts';

export interface Assignment {
  readonly title: string;
  readonly kind: 'feature' | 'defect' | 'debt';
  readonly workItem: WorkItem | null;
}

interface Stream {
  readonly topic: string;
  readonly kind: Assignment['kind'];
  readonly workItem: WorkItem | null;
  remaining: number;
  done: number;
}

const followUps = ['Polish', 'Add tests for', 'Handle edge cases in', 'Add metrics for', 'Follow up on'];
const itemTitles: Readonly<Record<Assignment['kind'], (topic: string) => string>> = {
  feature: (topic) => `Customers can use ${topic}`,
  defect: (topic) => `Intermittent failures in ${topic}`,
  debt: (topic) => `Tech debt: ${topic}`,
};
const points = [1, 2, 3, 5, 8, 13];

export class WorkStreams {
  readonly #streams = new Map<Human, Stream>();

  constructor(
    private readonly rng: Random,
    private readonly team: Team,
    private readonly lead: () => Human | undefined,
  ) {}

  /** The next pull request of `human`: continues their current topic or starts a new one. */
  next(human: Human): Assignment {
    let stream = this.#streams.get(human);
    if (stream === undefined || stream.remaining <= stream.done) {
      stream = this.start(human);
      this.#streams.set(human, stream);
    }
    stream.done += 1;
    return { title: this.title(stream), kind: stream.kind, workItem: stream.workItem };
  }

  private start(human: Human): Stream {
    const { rng, team } = this;
    const kind = rng.weighted(team.profile.workMix);
    const topic = rng.pick(topics[team.key] ?? ['maintenance']);
    const extra = { feature: 2, defect: 0.5, debt: 0.8 }[kind];
    const workItem = rng.chance(team.profile.linkedShare) ? this.workItem(human, kind, topic) : null;
    return { topic, kind, workItem, remaining: 1 + rng.poisson(extra), done: 0 };
  }

  private title(stream: Stream): string {
    const { rng } = this;
    if (stream.done > 1) return `${rng.pick(followUps)} ${stream.topic}`;
    if (stream.kind === 'defect') return rng.pick(defectTitles)(stream.topic);
    if (stream.kind === 'debt') return `${rng.pick(debtVerbs)} ${stream.topic}`;
    return `${rng.pick(featureVerbs)} ${stream.topic}`;
  }

  private workItem(human: Human, kind: Assignment['kind'], topic: string): WorkItem {
    const { rng, team } = this;
    const large = team.profile.prSizeMedian > 300 ? 2 : 0;
    return {
      team,
      key: '',
      title: itemTitles[kind](topic),
      kind,
      typeName: { feature: 'Story', defect: 'Bug', debt: 'Task' }[kind],
      priority: kind === 'defect' ? rng.pick(['High', 'Medium', 'Medium']) : rng.pick(['Medium', 'Low']),
      storyPoints:
        kind === 'defect' && rng.chance(0.4)
          ? null
          : (points[Math.min(points.length - 1, rng.int(0, 3) + large)] ?? 3),
      assignee: human.jira,
      reporter: rng.chance(0.6) ? (this.lead() ?? human).jira : human.jira,
      pullRequests: [],
      createdAt: 0,
      transitions: [],
    };
  }
}
