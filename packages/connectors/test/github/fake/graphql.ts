/**
 * POST /graphql of the fake GitHub: runs the query with graphql-js against GitHub's published
 * schema, resolving from the model, so any selection the connector makes is answered correctly.
 * Errors follow GitHub's shape ({ type: 'NOT_FOUND', path, message }).
 */
import { graphql, type GraphQLError } from 'graphql';
import { githubGraphqlSchema } from '../schemas/github-graphql-schema.ts';
import { commitDate, deploymentView, repositoryView } from './graphql-repository.ts';
import { commitView, pullView, reviewView } from './graphql-views.ts';
import { findRepository, type FakeGithub } from './model.ts';

class NotFound extends Error {}

export interface GraphqlAnswer {
  data: unknown;
  errors?: { type?: string; message: string; path?: readonly (string | number)[] }[];
}

/** Answers one GraphQL request from the model. */
export async function answerGraphql(
  model: FakeGithub,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlAnswer> {
  const rootValue = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = findRepository(model, owner, name);
      if (repo === undefined || repo.deleted)
        throw new NotFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repositoryView(repo);
    },
    node: ({ id }: { id: string }) => findNode(model, id),
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => findNode(model, id)),
    rateLimit: () => ({
      cost: 1,
      limit: 5000,
      remaining: 4999,
      used: 1,
      nodeCount: 0,
      resetAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  };
  const result = await graphql({
    schema: githubGraphqlSchema(),
    source: query,
    variableValues: variables,
    rootValue,
  });
  if (!result.errors) return { data: result.data };
  return { data: result.data ?? null, errors: result.errors.map(githubError) };
}

function githubError(error: GraphQLError) {
  if (error.originalError instanceof NotFound) {
    return {
      type: 'NOT_FOUND',
      path: error.path ?? [],
      locations: error.locations ?? [],
      message: error.message,
    };
  }
  return { message: error.message, ...(error.path ? { path: error.path } : {}) };
}

function findNode(model: FakeGithub, id: string): unknown {
  for (const repo of model.repositories) {
    if (repo.deleted) continue;
    for (const pull of repo.pulls) {
      if (pull.id === id) return pullView(repo, pull);
      const review = pull.reviews.find((r) => r.id === id);
      if (review) return reviewView(repo, pull, review);
    }
    const deployment = repo.deployments.find((d) => d.id === id);
    if (deployment) return deploymentView(repo, deployment);
    if (id.startsWith('C_') && repo.checks.has(id.slice(2)))
      return commitView(repo, id.slice(2), commitDate(repo, id.slice(2)));
  }
  return null;
}
