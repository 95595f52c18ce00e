/**
 * Incidents and how teams recover from them. Some successful production deployments (at the
 * team's incident rate) break something a little later; the team rolls back, reverts the change,
 * ships a hotfix (these three are the next production deployment) or fixes forward. Half of the
 * incidents name the deployment that caused them, the others only the service. A few incidents
 * have nothing to do with a deployment (background-incidents.ts).
 */
import { HOUR, MINUTE } from './calendar.ts';
import type { CommitGraph } from './commit-graph.ts';
import type { Pipeline } from './deployments.ts';
import type { EventQueue } from './event-queue.ts';
import type { Deployment, Human, Incident, PullRequest, Repository, WorkItem } from './model.ts';
import type { Random } from './prng.ts';
import { hotfixPullRequest, revertPullRequest } from './remedy-prs.ts';
import { truncateAtEnd } from './truncate.ts';
import { incidentTitles } from './vocabulary.ts';

export class IncidentResponder {
  readonly incidents: Incident[] = [];
  readonly pullRequests: PullRequest[] = [];

  constructor(
    private readonly rng: Random,
    private readonly graph: CommitGraph,
    private readonly pipeline: Pipeline,
    private readonly queue: EventQueue,
    private readonly team: (t: number) => Human[],
    private readonly end: number,
  ) {
    pipeline.onProduction = (deployment, previous) => this.afterProduction(deployment, previous);
  }

  private afterProduction(deployment: Deployment, previous: Deployment | undefined): void {
    const { rng, graph } = this;
    const repo = graph.repository;
    const profile = repo.team.profile;
    if (!rng.chance(profile.incidentRate)) return;
    const startedAt = deployment.finishedAt + Math.min(48, rng.logNormal(profile.detectionHours, 1)) * HOUR;
    const severe = profile.incidentRate > 0.2;
    const incident: Incident = {
      title: rng.pick(incidentTitles)(repo.name),
      severity: rng.weighted(
        severe ? { sev1: 0.2, sev2: 0.5, sev3: 0.3 } : { sev1: 0.05, sev2: 0.35, sev3: 0.6 },
      ),
      repository: repo,
      deployment: rng.chance(0.5) ? deployment : null,
      startedAt,
      resolvedAt: null,
    };
    this.incidents.push(incident);
    const fixAt = startedAt + Math.max(10 * MINUTE, rng.logNormal(profile.remedyHours, 0.6) * HOUR);
    let remedy = rng.weighted(profile.remedies);
    const shipped = graph
      .mainBetween(previous?.commitSha, deployment.commitSha)
      .flatMap((c) => (c.lands?.kind === 'work' ? [c.lands] : []));
    if (remedy === 'revert' && shipped.length === 0) remedy = 'hotfix';
    const people = this.team(startedAt);
    if (remedy === 'rollback' && (previous === undefined || previous.commitSha === deployment.commitSha))
      remedy = 'forward';
    if ((remedy === 'revert' || remedy === 'hotfix') && people.length === 0) remedy = 'forward';

    if (remedy === 'forward') {
      incident.resolvedAt = startedAt + rng.logNormal(profile.recoveryHours, 0.7) * HOUR;
    } else if (remedy === 'rollback' && previous !== undefined) {
      // After a rollback the team fixes forward in regular pull requests before releasing again.
      this.pipeline.frozenUntil = fixAt + rng.logNormal(profile.recoveryHours, 0.5) * HOUR;
      this.queue.add(fixAt, () => this.resolve(incident, this.pipeline.rollback(fixAt, previous)));
    } else {
      const author = rng.pick(people);
      const others = people.filter((p) => p !== author);
      const reviewer = others.length > 0 && rng.chance(0.8) ? rng.pick(others) : null;
      const delta = fixAt - startedAt;
      const timing = {
        openedAt: startedAt + Math.max(5 * MINUTE, 0.35 * delta),
        mergedAt: startedAt + 0.8 * delta,
        author,
        reviewer,
      };
      const pr =
        remedy === 'revert'
          ? revertPullRequest(rng, shipped[shipped.length - 1]!, timing)
          : hotfixPullRequest(rng, repo, incident, defect(repo, incident, author), timing);
      if (!truncateAtEnd(pr, this.end)) return;
      this.pullRequests.push(pr);
      pr.workItem?.pullRequests.push(pr);
      this.queue.add(pr.firstCommitAt, () => this.graph.branch(pr));
      if (pr.mergedAt !== null) this.queue.add(pr.mergedAt, () => this.graph.land(pr));
      this.pipeline.frozenUntil = Math.max(this.pipeline.frozenUntil, fixAt + MINUTE);
      this.queue.add(fixAt, () => {
        const fix = this.pipeline.deployTip(fixAt);
        if (fix !== undefined) this.resolve(incident, fix);
      });
    }
  }

  private resolve(incident: Incident, fix: Deployment): void {
    incident.resolvedAt = fix.finishedAt + this.rng.int(5, 45) * MINUTE;
  }
}

function defect(repository: Repository, incident: Incident, author: Human): WorkItem {
  return {
    team: repository.team,
    key: '',
    title: `Incident: ${incident.title}`,
    kind: 'defect',
    typeName: 'Bug',
    priority: 'Highest',
    storyPoints: null,
    assignee: author.jira,
    reporter: author.jira,
    pullRequests: [],
    createdAt: incident.startedAt,
    transitions: [],
  };
}
