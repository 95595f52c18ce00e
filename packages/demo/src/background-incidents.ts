import { DAY, HOUR, toWorkingHours } from './calendar.ts';
import type { Incident, Repository } from './model.ts';
import type { Random } from './prng.ts';

/**
 * Incidents not caused by a deployment: a cloud provider outage and a DNS failure (no service),
 * a few capacity problems of one service, and one still open at the end of the window.
 */
export function backgroundIncidents(
  rng: Random,
  repositories: readonly Repository[],
  start: number,
  end: number,
): Incident[] {
  const at = (share: number) => toWorkingHours(rng, start + share * (end - start));
  const incidents: Incident[] = [
    {
      title: 'Cloud provider outage in eu-west-1',
      severity: 'sev1',
      repository: null,
      deployment: null,
      startedAt: at(0.3),
      resolvedAt: null,
    },
    {
      title: 'DNS resolution failures across services',
      severity: 'sev2',
      repository: null,
      deployment: null,
      startedAt: at(0.7),
      resolvedAt: null,
    },
  ];
  incidents[0]!.resolvedAt = incidents[0]!.startedAt + 3 * HOUR;
  incidents[1]!.resolvedAt = incidents[1]!.startedAt + 1.5 * HOUR;
  for (let i = 0; i < 3; i += 1) {
    const repository = rng.pick(repositories);
    const startedAt = at(rng.next());
    const resolvedAt = startedAt + rng.logNormal(repository.team.profile.recoveryHours, 0.5) * HOUR;
    incidents.push({
      title: `Database CPU saturation on ${repository.name}`,
      severity: 'sev2',
      repository,
      deployment: null,
      startedAt,
      resolvedAt,
    });
  }
  const struggling = repositories.reduce((a, b) =>
    b.team.profile.incidentRate > a.team.profile.incidentRate ? b : a,
  );
  incidents.push({
    title: `Invoices stuck in pending on ${struggling.name}`,
    severity: 'sev2',
    repository: struggling,
    deployment: null,
    startedAt: end - Math.min(20 * HOUR, (end - start) / 4),
    resolvedAt: null,
  });
  return incidents.filter((i) => i.startedAt < end && i.startedAt >= start - DAY);
}
