/**
 * Checks REST response bodies (typically the fake GitHub server's) against GitHub's published
 * OpenAPI schemas, extracted into rest-schemas.json.
 */
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { openApiToJsonSchema } from './openapi-to-json-schema.ts';
import { loadRestFixture, type RestFixture } from './rest-fixture.ts';
import { restPathTemplate } from './rest-path-template.ts';

export { restPathTemplate };

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

const componentsId = 'https://pulse.invalid/github-rest-components.json';
const maxListedViolations = 25;

interface Compiled {
  fixture: RestFixture;
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

let compiled: Compiled | undefined;

function setup(): Compiled {
  const fixture = loadRestFixture();
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
  addFormats(ajv);
  const defs = Object.entries(fixture.components.schemas).map(([name, schema]) => [
    name,
    openApiToJsonSchema(schema, componentsId),
  ]);
  ajv.addSchema({ $id: componentsId, $defs: Object.fromEntries(defs) });
  return { fixture, ajv, validators: new Map() };
}

/** The schema GitHub declares for this response, `null` for "no body", or a generic error body. */
function declaredSchema(fixture: RestFixture, endpoint: string, status: number): unknown {
  const responses = fixture.endpoints[endpoint];
  if (responses === undefined) throw new Error(`${endpoint} is not in rest-schemas.json`);
  const declared = responses[String(status)];
  if (declared !== undefined) return declared;
  // Any GET may answer 304 to a conditional request, and any endpoint may fail with GitHub's error
  // body (404, 403 rate limit, 5xx) even where the spec does not list that status.
  if (status === 304) return null;
  if (status === 422) return { $ref: '#/components/schemas/validation-error' };
  if (status >= 400) return { $ref: '#/components/schemas/basic-error' };
  throw new Error(`GitHub's spec declares no ${status} response for ${endpoint}`);
}

function validatorFor(state: Compiled, endpoint: string, status: number): ValidateFunction | null {
  const key = `${endpoint} ${status}`;
  const cached = state.validators.get(key);
  if (cached !== undefined) return cached;
  const schema = declaredSchema(state.fixture, endpoint, status);
  if (schema === null) return null;
  const validate = state.ajv.compile(openApiToJsonSchema(schema, componentsId) as object);
  state.validators.set(key, validate);
  return validate;
}

function listViolations(errors: ErrorObject[]): string {
  const lines = errors.slice(0, maxListedViolations).map((error) => {
    const extra = 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
    return `  ${error.instancePath || '(body)'}: ${error.message ?? error.keyword}${extra}`;
  });
  if (errors.length > maxListedViolations) lines.push(`  … and ${errors.length - maxListedViolations} more`);
  return lines.join('\n');
}

function parseJson(response: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${response}: body is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
}

const isEmptyBody = (body: unknown) => body === undefined || body === null || body === '';

/**
 * Throws unless `body` is a valid GitHub response for `method pathTemplate` with `status`.
 * `pathTemplate` may also be a concrete path ('/repos/acme/api'); a JSON string body is parsed first.
 * Example: `validateRestResponse('GET', '/repos/{owner}/{repo}/deployments', 200, [deployment])`.
 */
export function validateRestResponse(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): void {
  compiled ??= setup();
  const template =
    `${method.toUpperCase()} ${pathTemplate}` in compiled.fixture.endpoints
      ? pathTemplate
      : restPathTemplate(pathTemplate);
  const endpoint = `${method.toUpperCase()} ${template}`;
  const validate = validatorFor(compiled, endpoint, status);
  if (validate === null) {
    if (!isEmptyBody(body)) throw new Error(`${endpoint} ${status} must have no body, got ${typeof body}`);
    return;
  }
  const parsed = typeof body === 'string' ? parseJson(`${endpoint} ${status}`, body) : body;
  if (validate(parsed)) return;
  const { version } = compiled.fixture.source;
  throw new Error(
    `${endpoint} ${status}: body does not match GitHub's schema (@octokit/openapi ${version}):\n` +
      listViolations(validate.errors ?? []),
  );
}
