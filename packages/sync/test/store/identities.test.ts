/**
 * Identities and people: which accounts are merged into one person automatically (trusted
 * e-mails: verified by the source, or a git author address), which are not, explicit person
 * records winning over automatic links, and the manual merge.
 */
import { expect, it } from 'vitest';
import type { Actor, NormalisedRecord } from '@pulse/core';
import { isPulseError } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { mergePeople } from '../../src/store/merge-people.ts';
import { listPeople } from '../../src/store/list-people.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { commit, pullRequest, repository, review } from './support/records.ts';
import { newTenant, rows, write } from './support/tenant.ts';

const github = (id: string, email?: string, verified?: boolean): Actor => ({
  source: 'github',
  externalId: id,
  login: id.toLowerCase(),
  ...(email === undefined ? {} : { email }),
  ...(verified === undefined ? {} : { emailVerified: verified }),
});
const gitlab = (id: string, email: string, verified: boolean): Actor => ({
  source: 'gitlab',
  externalId: id,
  email,
  emailVerified: verified,
});
const git = (email: string, name = 'Ada'): Actor => ({
  source: 'git',
  externalId: email.toLowerCase(),
  email,
  name,
});
const reviewBy = (n: number, reviewer: Actor): NormalisedRecord => review(n, 1, { reviewer });

describeEachDb('identities and people', (handle) => {
  /** Person id of each identity, by `source/externalId`. */
  async function people(t: string): Promise<Record<string, number | null>> {
    const list = await rows<{ key: string; person_id: number | null }>(
      handle.db,
      t,
      "select source || '/' || external_id as key, person_id from identities order by 1",
    );
    return Object.fromEntries(list.map((r) => [r.key, r.person_id]));
  }
  const base = [repository(), pullRequest(1, { author: undefined, mergedBy: undefined } as never)];

  it('links identities whose verified e-mails match, case-insensitively, and no others', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, [...base, reviewBy(1, github('U_1', 'Ada@Example.com', true))]);
    await write(handle.db, t, [
      reviewBy(2, gitlab('G_1', 'ada@example.com', true)),
      reviewBy(3, gitlab('G_2', 'ada@example.com', false)),
      reviewBy(4, github('U_2', 'ada@example.com')),
    ]);
    const p = await people(t);
    expect(p['gitlab/G_1']).toBe(p['github/U_1']);
    expect(p['gitlab/G_2']).not.toBe(p['github/U_1']);
    expect(p['github/U_2']).not.toBe(p['github/U_1']);
    expect(new Set(Object.values(p)).size).toBe(3);
    expect(Object.values(p)).not.toContain(null);
  });

  it('links a git author to the person of the verified account with that e-mail, in either order', async () => {
    for (const gitFirst of [true, false]) {
      const t = await newTenant(handle.db);
      const gitRecord = commit(1, { author: git('Ada@example.com'), committer: git('ada@example.com') });
      const githubRecord = reviewBy(1, github('U_1', 'ada@example.com', true));
      await write(handle.db, t, [...base, gitFirst ? gitRecord : githubRecord]);
      await write(handle.db, t, [gitFirst ? githubRecord : gitRecord]);
      const p = await people(t);
      expect(p['git/ada@example.com']).toBe(p['github/U_1']);
      const persons = await rows(handle.db, t, 'select display_name, primary_email from people');
      expect(persons).toEqual([{ display_name: gitFirst ? 'Ada' : 'u_1', primary_email: 'ada@example.com' }]);
    }
  });

  it('never marks a git e-mail verified, and keeps fields an actor leaves out', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, [
      ...base,
      commit(1, { author: { ...git('x@example.com'), emailVerified: true } as Actor }),
    ]);
    await write(handle.db, t, [reviewBy(1, github('U_1', 'u1@example.com', true))]);
    await write(handle.db, t, [reviewBy(2, { source: 'github', externalId: 'U_1' })]);
    expect(
      await rows(handle.db, t, 'select source, email, email_verified, login from identities order by source'),
    ).toEqual([
      { source: 'git', email: 'x@example.com', email_verified: false, login: null },
      { source: 'github', email: 'u1@example.com', email_verified: true, login: 'u_1' },
    ]);
  });

  it('lets a person record claim identities; the automatic person it empties is merged into it', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, [...base, reviewBy(1, github('U_1'))]);
    const [auto] = await rows<{ id: number }>(handle.db, t, 'select id from people');
    await write(handle.db, t, [
      { type: 'person', source: 'pulse', externalId: 'other', displayName: 'Other' },
      {
        type: 'team',
        source: 'hr',
        externalId: 'core',
        name: 'Core',
        members: [
          {
            person: { source: 'pulse', externalId: `identity:github:U_1` },
            validFrom: '2026-01-01T00:00:00Z',
          },
        ],
      },
    ]);
    const result = await write(handle.db, t, [
      {
        type: 'person',
        source: 'hr',
        externalId: 'ada',
        displayName: 'Ada Lovelace',
        identities: [github('U_1')],
      },
    ]);
    expect(result.written).toBe(1);
    const p = await people(t);
    const [ada] = await rows<{ id: number }>(handle.db, t, "select id from people where external_id = 'ada'");
    expect(p['github/U_1']).toBe(ada!.id);
    expect(await rows(handle.db, t, 'select id from people where id = $1', [auto!.id])).toEqual([]);
    expect(await rows(handle.db, t, 'select person_id from team_members')).toEqual([{ person_id: ada!.id }]);
    // Automatic linking never takes it back.
    await write(handle.db, t, [reviewBy(2, github('U_1', 'x@example.com', true))]);
    expect((await people(t))['github/U_1']).toBe(ada!.id);
  });

  it('merges two people by hand: identities and memberships move, the merged one is deleted', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, [
      ...base,
      { type: 'person', source: 'hr', externalId: 'a', displayName: 'Ada', identities: [github('U_1')] },
      {
        type: 'person',
        source: 'hr',
        externalId: 'b',
        displayName: 'Ada (old account)',
        identities: [github('U_2')],
      },
      {
        type: 'team',
        source: 'hr',
        externalId: 'core',
        name: 'Core',
        members: [
          { person: { externalId: 'a' }, validFrom: '2026-01-01T00:00:00Z' },
          { person: { externalId: 'b' }, validFrom: '2026-01-01T00:00:00Z' },
          { person: { externalId: 'b' }, validFrom: '2025-01-01T00:00:00Z', validTo: '2025-06-01T00:00:00Z' },
        ],
      },
    ]);
    const ids = Object.fromEntries(
      (
        await rows<{ external_id: string; id: number }>(handle.db, t, 'select external_id, id from people')
      ).map((r) => [r.external_id, r.id]),
    );
    const merged = await withTenant(handle.db, t, (tx) => mergePeople(tx, { into: ids.a!, from: ids.b! }));
    expect(merged).toEqual({ into: ids.a, from: ids.b, identities: 1, memberships: 1 });
    expect(
      await rows(handle.db, t, 'select person_id, valid_from from team_members order by valid_from'),
    ).toEqual([
      { person_id: ids.a, valid_from: new Date('2025-01-01T00:00:00Z') },
      { person_id: ids.a, valid_from: new Date('2026-01-01T00:00:00Z') },
    ]);
    const listed = await withTenant(handle.db, t, (tx) => listPeople(tx, { search: 'u_2' }));
    expect(listed).toEqual([
      {
        id: ids.a,
        displayName: 'Ada',
        email: null,
        isBot: false,
        source: 'hr',
        externalId: 'a',
        identities: ['github:u_1', 'github:u_2'],
      },
    ]);
    const missing = await withTenant(handle.db, t, (tx) =>
      mergePeople(tx, { into: ids.a!, from: ids.b! }),
    ).catch((e: unknown) => e);
    expect(isPulseError(missing) && missing.code).toBe('PERSON_NOT_FOUND');
  });
});
