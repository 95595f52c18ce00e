/** SQL shared by metric families, so one definition cannot drift from its twin. */

/**
 * True when the author identity `identity` belonged to team `team` at time `at` (team membership
 * has validity periods [valid_from, valid_to)). `tenant` is the row's tenant id column.
 */
export function authorInTeam(tenant: string, identity: string, team: string, at: string): string {
  return `exists (
        select 1 from identities i
          join team_members tm on tm.tenant_id = i.tenant_id and tm.person_id = i.person_id
         where i.tenant_id = ${tenant} and i.id = ${identity} and tm.team_id = ${team}
           and tm.valid_from <= ${at} and (tm.valid_to is null or tm.valid_to > ${at}))`;
}
