/**
 * Converts an OpenAPI 3.0 schema (as GitHub publishes it) into JSON Schema that Ajv validates the way
 * GitHub's API behaves.
 */

type Schema = { [key: string]: unknown };

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const mapValues = (record: Schema, fn: (value: unknown) => unknown): Schema =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));

/**
 * Rewrites one schema, recursively:
 * - `nullable: true` (OpenAPI 3.0 only) becomes `null` in `type`/`enum`, or an `anyOf` with
 *   `{type:'null'}` when there is no `type`;
 * - `oneOf` becomes `anyOf`: GitHub's alternatives overlap (event payloads without a required
 *   discriminator, `nullable` in every branch, private-user ⊇ public-user), so exclusive `oneOf`
 *   rejects bodies GitHub really sends;
 * - `#/components/schemas/x` refs point at `${componentsId}#/$defs/x`.
 */
export function openApiToJsonSchema(schema: unknown, componentsId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => openApiToJsonSchema(item, componentsId));
  if (!isSchema(schema)) return schema;
  const convert = (sub: unknown) => openApiToJsonSchema(sub, componentsId);
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', `${componentsId}#/$defs/`);
    } else if (key === 'properties' && isSchema(value)) {
      out.properties = mapValues(value, convert);
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      if (key === 'oneOf' && schema.anyOf !== undefined) throw new Error('schema has both oneOf and anyOf');
      out[key === 'oneOf' ? 'anyOf' : key] = convert(value);
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = convert(value);
    } else {
      out[key] = value;
    }
  }
  return schema.nullable === true ? allowNull(out) : out;
}

function allowNull(schema: Schema): Schema {
  if (schema.$ref !== undefined || schema.type === undefined) return { anyOf: [{ type: 'null' }, schema] };
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const nullable: Schema = { ...schema, type: [...types, 'null'] };
  if (Array.isArray(schema.enum)) nullable.enum = [...schema.enum, null];
  return nullable;
}
