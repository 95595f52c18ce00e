/**
 * Checks GraphQL queries (the connector's) against GitHub's published schema, and JSON results (the
 * fake GitHub server's) against those queries.
 */
import {
  GraphQLError,
  GraphQLNonNull,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { githubGraphqlSchema } from './github-graphql-schema.ts';
import { checkValue } from './graphql-result-shape.ts';

const maxListedViolations = 25;

interface CheckedQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

function fail(what: string, problems: readonly string[]): never {
  const listed = problems.slice(0, maxListedViolations).map((problem) => `  ${problem}`);
  if (problems.length > maxListedViolations)
    listed.push(`  … and ${problems.length - maxListedViolations} more`);
  throw new Error(`${what}:\n${listed.join('\n')}`);
}

const located = (error: GraphQLError) => {
  const where = error.locations?.map(({ line, column }) => `${line}:${column}`).join(', ');
  return where === undefined ? error.message : `${error.message} (at ${where})`;
};

// The fake server checks the same few queries on every response; only valid documents are kept.
const validDocuments = new Map<string, DocumentNode>();

function validDocument(query: string): DocumentNode {
  const cached = validDocuments.get(query);
  if (cached !== undefined) return cached;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) fail('GraphQL query does not parse', [located(error)]);
    throw error;
  }
  const errors = validate(githubGraphqlSchema(), document);
  if (errors.length > 0) fail("GraphQL query is not valid against GitHub's schema", errors.map(located));
  validDocuments.set(query, document);
  return document;
}

function check(
  query: string,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): CheckedQuery {
  const schema = githubGraphqlSchema();
  const document = validDocument(query);
  const operation = getOperationAST(document, operationName);
  if (operation == null) {
    fail('GraphQL document has no single operation to run', [`operationName: ${operationName ?? '(none)'}`]);
  }
  if (variables === undefined) return { document, operation, variables: {} };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors !== undefined)
    fail('GraphQL variables do not fit the query', coerced.errors.map(located));
  return { document, operation, variables: coerced.coerced };
}

/**
 * Throws unless `query` parses and validates against GitHub's GraphQL schema; when `variables` are
 * given they must also coerce to the operation's variable definitions (required ones present).
 */
export function validateGraphqlQuery(
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): void {
  check(query, variables, operationName);
}

/**
 * Throws unless `data` (the `data` member of a response) is a result GitHub could return for `query`:
 * exactly the requested fields (aliases honoured, @skip/@include applied), non-null fields present,
 * lists where lists are declared, scalars and enums serialised as GitHub does, correct `__typename`s.
 */
export function validateGraphqlResult(
  query: string,
  variables: Record<string, unknown> | undefined,
  data: unknown,
  operationName?: string,
): void {
  const { document, operation, variables: coerced } = check(query, variables ?? {}, operationName);
  const schema = githubGraphqlSchema();
  const root = schema.getRootType(operation.operation);
  if (root == null) throw new Error(`GitHub's schema has no ${operation.operation} type`);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
  }
  const violations: string[] = [];
  const context = { schema, fragments, variables: coerced };
  // A successful response always has a data object; `data: null` only comes with errors.
  checkValue(context, new GraphQLNonNull(root), operation.selectionSet.selections, data, 'data', violations);
  if (violations.length > 0) fail('GraphQL result does not match the query and GitHub’s schema', violations);
}
