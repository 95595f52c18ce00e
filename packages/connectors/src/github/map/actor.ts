import type { Actor } from '@pulse/core';

/** An actor as the connector's GraphQL queries select it (fragment `actor`). */
export interface GraphqlActor {
  readonly __typename: string;
  readonly login: string;
  readonly id?: string;
  readonly name?: string | null;
}

/** An actor as REST returns it (simple-user). */
export interface RestUser {
  readonly login: string;
  readonly node_id?: string;
  readonly type?: string;
  readonly name?: string | null;
}

/**
 * A GitHub account as a Pulse actor: keyed by node id, or by login when GitHub gives no id
 * (deleted "ghost" users). E-mails are left out: GitHub does not say which ones are verified.
 */
export function githubActor(actor: GraphqlActor | null | undefined): Actor | undefined {
  if (actor == null) return undefined;
  return {
    source: 'github',
    externalId: actor.id ?? actor.login,
    login: actor.login,
    ...(actor.name ? { name: actor.name } : {}),
    isBot: actor.__typename === 'Bot',
  };
}

/** The same for a REST user object. */
export function restActor(user: RestUser | null | undefined): Actor | undefined {
  if (user == null) return undefined;
  return {
    source: 'github',
    externalId: user.node_id ?? user.login,
    login: user.login,
    ...(user.name ? { name: user.name } : {}),
    isBot: user.type === 'Bot',
  };
}
