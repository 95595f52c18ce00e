/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route declarations (api/route.ts):
 * every declared route is in it, with its query parameters, body and success response as JSON
 * Schema from the same zod schemas that validate requests, and the shared error body.
 */
import { z } from 'zod';
import { errorRegistry } from '@pulse/core';
import { apiPrefix, type ApiRoute } from './route.ts';

type Json = Record<string, unknown>;

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'hint'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorRegistry) },
        message: { type: 'string' },
        hint: { type: 'string' },
        path: { type: 'string', description: 'The input field at fault, e.g. body.email.' },
      },
    },
  },
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json.$schema;
  return json;
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

function operation(spec: ApiRoute): Json {
  const parameters: Json[] = [];
  for (const name of spec.path.match(/:(\w+)/g) ?? [])
    parameters.push({ name: name.slice(1), in: 'path', required: true, schema: { type: 'string' } });
  if (spec.query !== undefined) {
    const query = schemaOf(spec.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        ...(description === undefined ? {} : { description }),
        schema: rest,
      });
    }
  }
  const status = String(spec.status ?? 200);
  const responses: Json = {
    [status]:
      status === '204'
        ? { description: 'Done; no body.' }
        : {
            description: 'Success.',
            content: {
              'application/json': { schema: spec.response ? schemaOf(spec.response, 'output') : {} },
            },
          },
    '400': errorResponse('Invalid input (VALIDATION_FAILED names the field in `path`).'),
  };
  if (spec.auth !== 'public') {
    responses['401'] = errorResponse('Missing, invalid or expired credentials.');
    responses['403'] = errorResponse(
      spec.auth === 'operator'
        ? 'The caller is not a platform operator.'
        : `The caller's role is below ${spec.auth}.`,
    );
  }
  return {
    summary: spec.summary,
    tags: [spec.tag],
    operationId: `${spec.method.toLowerCase()}${spec.path.replace(/[/:](\w)/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`,
    ...(spec.auth === 'public' ? { security: [] } : { 'x-pulse-role': spec.auth }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
          },
        }),
    responses,
  };
}

export function openApiDocument(routes: readonly ApiRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const spec of routes) {
    const path = apiPrefix + spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pulse API',
      version,
      description:
        'The REST API of Pulse. Authenticate with POST /api/v1/auth/login (access token) or an API key, sent as "Authorization: Bearer …". docs/api.md introduces it.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An access token (JWT) or an API key (pulse_…).',
        },
      },
      schemas: { Error: errorBody },
    },
  };
}
