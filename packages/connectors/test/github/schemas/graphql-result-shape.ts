/**
 * Walks a GraphQL JSON result alongside the query's selection sets and the schema's types, listing
 * every place where the result could not have come from a GraphQL server executing that query.
 *
 * graphql-js `execute` with a resolver reading from the data was the rejected alternative: it coerces
 * scalars leniently (an Int field accepts "5"), silently drops fields the query did not request and
 * reports one error per field without a readable path, which are exactly the drifts to catch.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import { scalarViolation } from './graphql-scalars.ts';

/** What the walk needs besides the value: the schema, the document's fragments, coerced variables. */
export interface ShapeContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Violations = string[];

const describeValue = (value: unknown) =>
  Array.isArray(value)
    ? 'a list'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'an object'
        : typeof value;

function included(ctx: ShapeContext, node: SelectionNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, ctx.variables);
  const include = getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables);
  return skip?.if !== true && include?.if !== false;
}

function conditionMatches(ctx: ShapeContext, typeName: string | undefined, type: GraphQLObjectType): boolean {
  if (typeName === undefined || typeName === type.name) return true;
  const condition = ctx.schema.getType(typeName);
  return condition !== undefined && isAbstractType(condition) && ctx.schema.isSubType(condition, type);
}

/** Groups the fields that apply to runtime `type` by response key, as the GraphQL spec's CollectFields. */
function collectFields(
  ctx: ShapeContext,
  type: GraphQLObjectType,
  selections: readonly SelectionNode[],
  fields = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const node of selections) {
    if (!included(ctx, node)) continue;
    if (node.kind === 'Field') {
      const key = node.alias?.value ?? node.name.value;
      fields.set(key, [...(fields.get(key) ?? []), node]);
    } else if (node.kind === 'InlineFragment') {
      if (conditionMatches(ctx, node.typeCondition?.name.value, type)) {
        collectFields(ctx, type, node.selectionSet.selections, fields);
      }
    } else {
      const fragment = ctx.fragments[node.name.value];
      if (fragment !== undefined && conditionMatches(ctx, fragment.typeCondition.name.value, type)) {
        collectFields(ctx, type, fragment.selectionSet.selections, fields);
      }
    }
  }
  return fields;
}

function checkObject(
  ctx: ShapeContext,
  type: GraphQLObjectType,
  selections: readonly SelectionNode[],
  value: unknown,
  path: string,
  out: Violations,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(`${path}: expected an object (${type.name}), got ${describeValue(value)}`);
    return;
  }
  const record = value as Record<string, unknown>;
  const fields = collectFields(ctx, type, selections);
  for (const key of Object.keys(record)) {
    if (!fields.has(key)) out.push(`${path}.${key}: not requested by the query (${type.name})`);
  }
  for (const [key, nodes] of fields) {
    const fieldPath = `${path}.${key}`;
    const name = nodes[0]!.name.value;
    if (!(key in record)) {
      out.push(`${fieldPath}: requested field ${type.name}.${name} is missing`);
    } else if (name === '__typename') {
      if (record[key] !== type.name)
        out.push(`${fieldPath}: expected "${type.name}", got ${JSON.stringify(record[key])}`);
    } else {
      const field = type.getFields()[name];
      if (field === undefined)
        throw new Error(`${type.name}.${name} is not in the schema; validate the query first`);
      const subSelections = nodes.flatMap((node) => node.selectionSet?.selections ?? []);
      checkValue(ctx, field.type, subSelections, record[key], fieldPath, out);
    }
  }
}

/** Picks the runtime object type of a value of an interface or union type, then checks against it. */
function checkAbstract(
  ctx: ShapeContext,
  type: GraphQLAbstractType,
  selections: readonly SelectionNode[],
  value: unknown,
  path: string,
  out: Violations,
): void {
  const typename = (value as { __typename?: unknown } | null)?.__typename;
  if (typeof typename === 'string') {
    const runtime = ctx.schema.getType(typename);
    if (runtime === undefined || !isObjectType(runtime) || !ctx.schema.isSubType(type, runtime)) {
      out.push(`${path}.__typename: "${typename}" is not a possible type of ${type.name}`);
      return;
    }
    checkObject(ctx, runtime, selections, value, path, out);
    return;
  }
  // Without __typename the result is valid if some possible type explains it; report the closest one.
  let closest: { name: string; violations: Violations } | undefined;
  for (const candidate of ctx.schema.getPossibleTypes(type)) {
    const attempt: Violations = [];
    checkObject(ctx, candidate, selections, value, path, attempt);
    if (attempt.length === 0) return;
    if (closest === undefined || attempt.length < closest.violations.length) {
      closest = { name: candidate.name, violations: attempt };
    }
  }
  if (closest === undefined) throw new Error(`${type.name} has no possible object types`);
  out.push(`${path}: no possible type of ${type.name} fits (no __typename); closest is ${closest.name}:`);
  out.push(...closest.violations.map((violation) => `  ${violation}`));
}

/** Appends to `out` every way `value` is not a valid result for a field of `type`. */
export function checkValue(
  ctx: ShapeContext,
  type: GraphQLOutputType,
  selections: readonly SelectionNode[],
  value: unknown,
  path: string,
  out: Violations,
): void {
  if (isNonNullType(type)) {
    if (value === null) out.push(`${path}: non-null ${String(type)} is null`);
    else checkValue(ctx, type.ofType, selections, value, path, out);
  } else if (value === null) {
    return;
  } else if (isListType(type)) {
    if (!Array.isArray(value))
      out.push(`${path}: expected a list (${String(type)}), got ${describeValue(value)}`);
    else
      value.forEach((item, index) =>
        checkValue(ctx, type.ofType, selections, item, `${path}[${index}]`, out),
      );
  } else if (isScalarType(type)) {
    const violation = scalarViolation(type.name, value);
    if (violation !== undefined) out.push(`${path}: ${violation}`);
  } else if (isEnumType(type)) {
    if (typeof value !== 'string' || type.getValue(value) === undefined) {
      out.push(`${path}: ${JSON.stringify(value)} is not a value of enum ${type.name}`);
    }
  } else if (isObjectType(type)) {
    checkObject(ctx, type, selections, value, path, out);
  } else {
    checkAbstract(ctx, type, selections, value, path, out);
  }
}
