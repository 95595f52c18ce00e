/**
 * The people of the demo organisation: 24 engineers in four teams, each with a GitHub account, a
 * Jira account and, for half of them, a separate git author e-mail; two dependency bots; and the
 * team history (two people change teams during the year, one joins).
 */
import { DAY, startOfDay } from './calendar.ts';
import type { Human, Identity, Membership, Person, Team } from './model.ts';
import type { Random } from './prng.ts';
import { teamSpecs } from './profiles.ts';

const roster: Readonly<Record<string, readonly string[]>> = {
  payments: [
    'Maya Okafor',
    'Jonas Weber',
    'Priya Raman',
    'Lucas Moreau',
    'Aiko Tanaka',
    'Daniel Kim',
    'Sofia Rossi',
  ],
  platform: [
    'Ethan Brooks',
    'Leila Haddad',
    'Mateo García',
    'Nina Petrova',
    'Omar Siddiqui',
    'Hannah Schulz',
  ],
  growth: ['Chloé Martin', 'Samuel Adeyemi', 'Ingrid Larsen', 'Ravi Menon', 'Zoe Chen', 'Tomás Silva'],
  billing: ['Grace Mensah', 'Piotr Nowak', 'Fatima Zahra', 'Oliver Hughes', 'Yusuf Demir'],
};

/** Team changes, at a share of the time window. */
const moves = [
  { name: 'Tomás Silva', to: 'payments', at: 0.35 },
  { name: 'Nina Petrova', to: 'billing', at: 0.55 },
];
const joiners = [{ name: 'Yusuf Demir', at: 0.25 }];

export interface Bots {
  readonly dependabot: Identity;
  readonly renovate: Identity;
}

export interface Organisation {
  readonly teams: Team[];
  readonly humans: Human[];
  readonly bots: Bots;
  readonly people: Person[];
  readonly identities: Identity[];
  readonly memberships: Membership[];
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .toLowerCase();

export function buildOrganisation(rng: Random, start: number, end: number): Organisation {
  const teams: Team[] = teamSpecs.map(({ key, name, projectKey, sprintWeekday, profile }) => ({
    key,
    name,
    projectKey,
    sprintWeekday,
    profile,
  }));
  const humans: Human[] = [];
  const memberships: Membership[] = [];
  const at = (share: number) => startOfDay(start + share * (end - start));
  for (const team of teams) {
    (roster[team.key] ?? []).forEach((name, position) => {
      const human = buildHuman(rng, name, humans.length);
      humans.push(human);
      const joined = joiners.find((j) => j.name === name);
      const validFrom = joined ? at(joined.at) : startOfDay(start) - rng.int(120, 900) * DAY;
      memberships.push({ team, human, role: position === 0 ? 'lead' : 'engineer', validFrom, validTo: null });
    });
  }
  for (const move of moves) {
    const current = memberships.find((m) => m.human.person.name === move.name);
    const team = teams.find((t) => t.key === move.to);
    if (current === undefined || team === undefined) throw new Error(`unknown move ${move.name}`);
    current.validTo = at(move.at);
    memberships.push({ team, human: current.human, role: 'engineer', validFrom: at(move.at), validTo: null });
  }
  const bots = { dependabot: bot('dependabot[bot]', 49699333), renovate: bot('renovate[bot]', 29139614) };
  const people = [...humans.map((h) => h.person), bots.dependabot.person, bots.renovate.person];
  const identities = [
    ...humans.flatMap((h) => [h.github, ...(h.git ? [h.git] : []), h.jira]),
    bots.dependabot,
    bots.renovate,
  ];
  return { teams, humans, bots, people, identities, memberships };
}

function buildHuman(rng: Random, name: string, index: number): Human {
  const [first = '', last = ''] = ascii(name).split(' ');
  const login = `${first.charAt(0)}${last}`;
  const email = `${first}.${last}@acme.example`;
  const person: Person = { name, login, email, isBot: false };
  const githubId = String(5_100_000 + index * 7919 + rng.int(0, 7000));
  const github: Identity = { person, source: 'github', externalId: githubId, login, email, isBot: false };
  // Half of the people commit under a git e-mail of their own: their work address or GitHub's
  // no-reply address. The person links it to their GitHub account.
  const gitEmail = index % 4 === 1 ? `${githubId}+${login}@users.noreply.github.com` : email;
  const git: Identity | null =
    index % 2 === 1
      ? { person, source: 'git', externalId: gitEmail, login: null, email: gitEmail, isBot: false }
      : null;
  const jiraId = `557058:${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  const jira: Identity = { person, source: 'jira', externalId: jiraId, login: null, email, isBot: false };
  return { person, github, git, jira, productivity: rng.logNormal(1, 0.25) };
}

function bot(login: string, githubId: number): Identity {
  const email = `${githubId}+${login}@users.noreply.github.com`;
  const person: Person = { name: login, login, email, isBot: true };
  return { person, source: 'github', externalId: String(githubId), login, email, isBot: true };
}

/** The teams a person belongs to at time t, and the members of a team at time t. */
export function membershipsAt(memberships: readonly Membership[], t: number): Membership[] {
  return memberships.filter((m) => m.validFrom <= t && (m.validTo === null || t < m.validTo));
}
