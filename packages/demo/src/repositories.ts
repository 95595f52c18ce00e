/** The eight GitHub repositories of the demo organisation, two per team. */
import type { Repository, Team } from './model.ts';
import { organisation, teamSpecs } from './profiles.ts';

export function buildRepositories(teams: readonly Team[]): Repository[] {
  return teamSpecs.flatMap((spec, teamIndex) => {
    const team = teams.find((t) => t.key === spec.key);
    if (team === undefined) throw new Error(`no team ${spec.key}`);
    return spec.repositories.map((repo, i) => ({
      team,
      name: repo.name,
      fullName: `${organisation}/${repo.name}`,
      externalId: String(702_000_000 + teamIndex * 1_000 + i * 37),
      mergeMethod: repo.mergeMethod,
      sourceRoot: repo.sourceRoot,
      extension: repo.extension,
      dependencyBot: repo.dependencyBot,
    }));
  });
}
