/** Turns the names people use (team key or name, repository full name or name) into ids. */
import { PulseError } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';

export interface ScopeNames {
  readonly team?: string | undefined;
  readonly repositories?: readonly string[] | undefined;
}

export interface ScopeIds {
  readonly teamId: number | null;
  readonly repositoryIds: number[] | null;
}

export async function resolveScope(db: Db, tenantId: string, names: ScopeNames): Promise<ScopeIds> {
  return withTenant(db, tenantId, async (tx) => {
    let teamId: number | null = null;
    if (names.team !== undefined) {
      const team = await tx.query<{ id: number }>(
        'select id from teams where external_id = $1 or lower(name) = lower($1) order by external_id = $1 desc limit 1',
        [names.team],
      );
      if (team.rows[0] === undefined)
        throw new PulseError('TEAM_NOT_FOUND', { message: `No team "${names.team}".` });
      teamId = team.rows[0].id;
    }
    let repositoryIds: number[] | null = null;
    if (names.repositories !== undefined && names.repositories.length > 0) {
      repositoryIds = [];
      for (const name of names.repositories) {
        const repo = await tx.query<{ id: number }>(
          'select id from repositories where full_name = $1 or name = $1 order by full_name = $1 desc',
          [name],
        );
        if (repo.rows.length === 0)
          throw new PulseError('REPOSITORY_NOT_FOUND', { message: `No repository "${name}".` });
        repositoryIds.push(...repo.rows.map((r) => r.id));
      }
    }
    return { teamId, repositoryIds };
  });
}
