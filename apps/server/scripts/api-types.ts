/**
 * The dashboard's API types, generated from the OpenAPI document with openapi-typescript, so the
 * web cannot drift from what the server declares. `npm run api:types` writes
 * apps/web/src/lib/api/schema.gen.ts; a test fails when the committed file is stale.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { apiRoutes, apiVersion, createLogger, openApiDocument, SecretScrubber } from '@pulse/server';

const header = `/**
 * Generated from the OpenAPI document of /api/v1 by \`npm run api:types\` (openapi-typescript).
 * Do not edit: change the route's zod schemas in apps/server/src/api and regenerate.
 */
`;

/** The TypeScript source of the dashboard's API types. */
export async function renderApiTypes(): Promise<string> {
  // Listing the routes needs no database and no real key: nothing is served or signed.
  const keyring = createKeyring(parseSecretKey(generateSecretKey()));
  const routes = apiRoutes({
    db: undefined as never,
    keyring,
    log: createLogger({ level: 'silent', scrubber: new SecretScrubber() }),
  });
  const document = openApiDocument(routes, apiVersion);
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { immutable: true });
  return header + astToString(ast);
}
