/**
 * GitHub's public GraphQL schema as a graphql-js schema, built once per process.
 */
import { schema as published } from '@octokit/graphql-schema';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let built: GraphQLSchema | undefined;

/** The schema from @octokit/graphql-schema's introspection JSON (its SDL file does not build). */
export function githubGraphqlSchema(): GraphQLSchema {
  built ??= buildClientSchema(published.json as unknown as IntrospectionQuery);
  return built;
}
