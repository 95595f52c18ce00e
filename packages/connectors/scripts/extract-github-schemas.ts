/**
 * Extracts the response schemas of the GitHub REST endpoints Pulse calls from GitHub's published
 * OpenAPI description into the small committed fixture test/github/schemas/rest-schemas.json.
 *
 * @octokit/openapi is ~385 MB, so it is never a dependency: install it into a temp dir outside the
 * repo and pass that package's folder (run from the repository root):
 *
 *   npm install --prefix /tmp/octokit-openapi @octokit/openapi@23.0.2
 *   npx tsx packages/connectors/scripts/extract-github-schemas.ts /tmp/octokit-openapi/node_modules/@octokit/openapi
 *
 * It reads the non-dereferenced api.github.com.json and keeps `$ref`s, copying only the referenced
 * component schemas (the dereferenced file repeats simple-user hundreds of times). Descriptions,
 * examples and vendor extensions are dropped; everything that constrains a value is kept as is
 * (OpenAPI 3.0, `nullable: true` included; the validator converts it when it loads the fixture).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/** The GET endpoints the GitHub connector calls; extend this list when the connector calls more. */
const endpoints = [
  '/user',
  '/orgs/{org}/repos',
  '/users/{username}/repos',
  '/repos/{owner}/{repo}',
  '/repos/{owner}/{repo}/events',
  '/repos/{owner}/{repo}/deployments',
  '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  '/repos/{owner}/{repo}/releases',
  '/repos/{owner}/{repo}/tags',
  '/repos/{owner}/{repo}/actions/runs',
  '/repos/{owner}/{repo}/commits/{ref}/check-runs',
  '/repos/{owner}/{repo}/commits/{ref}/status',
  '/repos/{owner}/{repo}/issues',
  '/rate_limit',
];

/** Bodies GitHub sends for errors on any endpoint (404, 403 rate limit, 422), declared or not. */
const errorSchemas = ['basic-error', 'validation-error'];

// Annotations only: they never make a value valid or invalid, and they are most of the spec's size.
const dropped = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'default',
  'deprecated',
  'discriminator', // a lookup hint for code generators; the oneOf it annotates still decides validity
]);
const schemaMapKeywords = new Set(['properties', 'patternProperties']);
const schemaListKeywords = new Set(['allOf', 'anyOf', 'oneOf']);
const schemaKeywords = new Set(['items', 'additionalProperties', 'not']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies a schema without annotations, collecting the component names it references. */
function slim(schema: Json, refs: Set<string>): Json {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (dropped.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') refs.add(componentName(value));
    if (schemaMapKeywords.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, slim(sub, refs)]));
    } else if (schemaListKeywords.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => slim(sub, refs));
    } else if (schemaKeywords.has(key)) {
      out[key] = slim(value, refs);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function componentName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unexpected $ref outside component schemas: ${ref}`);
  return ref.slice(prefix.length);
}

/** Follows `#/components/responses/x` indirections to the response object itself. */
function resolveResponse(spec: JsonObject, response: Json): JsonObject {
  if (!isObject(response)) throw new Error('response is not an object');
  const ref = response.$ref;
  if (typeof ref !== 'string') return response;
  const name = ref.replace('#/components/responses/', '');
  const components = spec.components as JsonObject;
  return resolveResponse(spec, (components.responses as JsonObject)[name] ?? null);
}

/** The JSON body schema of a response, or null when the response has no body (304). */
function bodySchema(response: JsonObject): Json {
  const content = response.content;
  if (!isObject(content)) return null;
  const json = content['application/json'] ?? Object.values(content)[0];
  if (!isObject(json) || json.schema === undefined) return null;
  return json.schema;
}

function extract(spec: JsonObject) {
  const refs = new Set<string>(errorSchemas);
  const paths = spec.paths as JsonObject;
  const extracted: JsonObject = {};
  for (const path of endpoints) {
    const operation = (paths[path] as JsonObject | undefined)?.get;
    if (!isObject(operation)) throw new Error(`GET ${path} is not in the spec`);
    const responses: JsonObject = {};
    for (const [status, response] of Object.entries(operation.responses as JsonObject)) {
      responses[status] = slim(bodySchema(resolveResponse(spec, response)), refs);
    }
    extracted[`GET ${path}`] = responses;
  }
  const all = (spec.components as JsonObject).schemas as JsonObject;
  const schemas: JsonObject = {};
  const pending = [...refs];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in schemas) continue;
    const found = new Set<string>();
    schemas[name] = slim(all[name] ?? null, found);
    pending.push(...[...found].filter((ref) => !(ref in schemas)));
  }
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { endpoints: extracted, schemas: sorted };
}

async function main(packageDir: string | undefined) {
  if (packageDir === undefined) throw new Error('usage: extract-github-schemas.ts <dir of @octokit/openapi>');
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const file = 'api.github.com.json';
  const spec = JSON.parse(readFileSync(join(packageDir, 'generated', file), 'utf8')) as JsonObject;
  const { endpoints: extracted, schemas } = extract(spec);
  const fixture = {
    $comment: 'Generated by packages/connectors/scripts/extract-github-schemas.ts; do not edit by hand.',
    source: {
      package: '@octokit/openapi',
      version: pkg.version,
      file,
      openapi: spec.openapi,
      apiVersion: (spec.info as JsonObject).version,
    },
    errorSchemas,
    endpoints: extracted,
    components: { schemas },
  };
  const target = fileURLToPath(new URL('../test/github/schemas/rest-schemas.json', import.meta.url));
  const options = { ...(await resolveConfig(target)), filepath: target };
  const text = await format(JSON.stringify(fixture), options);
  writeFileSync(target, text);
  const kb = Math.round(text.length / 1024);
  console.log(`wrote ${target}: ${Object.keys(schemas).length} component schemas, ${kb} KiB`);
}

await main(process.argv[2]);
