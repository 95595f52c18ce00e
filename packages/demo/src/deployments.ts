/**
 * The delivery pipeline of one repository: production releases at the team's cadence (several a
 * day for continuous delivery, a weekly train for Billing), each preceded by a staging deployment
 * of the same main commit, extra staging deployments in between, and failed attempts retried.
 */
import { HOUR, MINUTE, dayActivity, eachDay, isWorkingDay, workingMoment } from './calendar.ts';
import type { CommitGraph } from './commit-graph.ts';
import type { Deployment } from './model.ts';
import type { Random } from './prng.ts';
import type { EventQueue } from './event-queue.ts';

export type ProductionListener = (deployment: Deployment, previous: Deployment | undefined) => void;

export class Pipeline {
  readonly deployments: Deployment[] = [];
  /** Normal releases wait while a fix is on its way. */
  frozenUntil = -Infinity;
  #production: Deployment | undefined;
  #stagedSha: string | undefined;
  onProduction: ProductionListener = () => {};

  constructor(
    private readonly rng: Random,
    private readonly graph: CommitGraph,
  ) {}

  private get profile() {
    return this.graph.repository.team.profile;
  }

  /** Puts the release and staging slots of every working day on the queue. */
  schedule(queue: EventQueue, start: number, end: number): void {
    const { rng, profile } = this;
    for (const day of eachDay(start, end)) {
      if (!isWorkingDay(day)) continue;
      const busy = dayActivity(day);
      const releases =
        profile.releaseWeekday === null
          ? rng.poisson(profile.productionPerDay * busy)
          : new Date(day).getUTCDay() === profile.releaseWeekday && rng.chance(0.85)
            ? 1
            : 0;
      for (let i = 0; i < releases; i += 1) {
        const at =
          profile.releaseWeekday !== null
            ? day + 15 * HOUR
            : profile.productionPerDay >= 1
              ? day + rng.between(8.5, 18.5) * HOUR // continuous delivery: all day long
              : workingMoment(rng, day);
        queue.add(at, () => this.release(at));
      }
      for (let i = rng.poisson(profile.extraStagingPerDay * busy); i > 0; i -= 1) {
        const at = workingMoment(rng, day);
        queue.add(at, () => this.stage(at));
      }
    }
  }

  /** A normal release: the main commit that has soaked on staging goes to production. */
  release(at: number): void {
    if (at < this.frozenUntil) return;
    const soak = this.profile.stagingSoakHours * HOUR;
    const commit = this.graph.tipAt(at - soak);
    if (commit === undefined || commit.sha === this.#production?.commitSha) return;
    this.#deploy('staging', commit.sha, 'main', Math.max(commit.at, at - soak) + 2 * MINUTE);
    let attemptAt = at;
    for (let i = 0; i < 2 && this.rng.chance(this.profile.deployFailureRate); i += 1)
      attemptAt =
        this.#deploy('production', commit.sha, 'main', attemptAt, 'failure').finishedAt +
        this.rng.int(10, 90) * MINUTE;
    this.#succeed(this.#deploy('production', commit.sha, 'main', attemptAt));
  }

  /** A staging deployment of the current main tip, between releases. */
  stage(at: number): void {
    const commit = this.graph.tipAt(at - 5 * MINUTE);
    if (commit === undefined || commit.sha === this.#stagedSha) return;
    this.#stagedSha = commit.sha;
    const status = this.rng.chance(this.profile.deployFailureRate) ? 'failure' : 'success';
    this.#deploy('staging', commit.sha, 'main', at, status);
  }

  /** Redeploys the commit of an earlier production deployment. */
  rollback(at: number, to: Deployment): Deployment {
    const deployment = this.#deploy('production', to.commitSha, to.commitSha, at);
    this.#production = deployment;
    return deployment;
  }

  /** Deploys the main tip to production at once (a revert or a hotfix); undefined if nothing changed. */
  deployTip(at: number): Deployment | undefined {
    const sha = this.graph.tip();
    if (sha === this.#production?.commitSha) return undefined;
    const deployment = this.#deploy('production', sha, 'main', at);
    this.#production = deployment;
    return deployment;
  }

  #succeed(deployment: Deployment): void {
    const previous = this.#production;
    this.#production = deployment;
    this.onProduction(deployment, previous);
  }

  #deploy(
    environment: Deployment['environment'],
    commitSha: string,
    ref: string,
    startedAt: number,
    status: Deployment['status'] = 'success',
  ): Deployment {
    const minutes = this.profile.deployMinutes * this.rng.logNormal(1, 0.3);
    const deployment: Deployment = {
      repository: this.graph.repository,
      environment,
      commitSha,
      ref,
      status,
      startedAt,
      finishedAt: startedAt + Math.max(1, minutes) * MINUTE,
    };
    this.deployments.push(deployment);
    return deployment;
  }
}
