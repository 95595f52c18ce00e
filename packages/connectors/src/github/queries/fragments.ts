/** GraphQL fragments shared by the connector's queries. */

/** Who did something: users and mannequins have ids and names, bots ids; deleted users come back null. */
export const actorFragment = `fragment actor on Actor { __typename login ... on User { id name } ... on Bot { id } ... on Mannequin { id } }`;

export const pageInfo = `pageInfo { hasNextPage endCursor }`;
