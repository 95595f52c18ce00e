/**
 * The dashboard's API types (apps/web/src/lib/api/schema.gen.ts) are generated from the OpenAPI
 * document; this fails when a route's schema changed and `npm run api:types` was not run.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { format, resolveConfig } from 'prettier';
import { renderApiTypes } from '../scripts/api-types.ts';

const target = new URL('../../web/src/lib/api/schema.gen.ts', import.meta.url);

it('the committed dashboard API types match the OpenAPI document (npm run api:types)', async () => {
  const config = (await resolveConfig(target.pathname)) ?? {};
  const fresh = await format(await renderApiTypes(), { ...config, filepath: target.pathname });
  expect(readFileSync(target, 'utf8') === fresh, 'run: npm run api:types').toBe(true);
  expect(fresh).toContain("readonly '/api/v1/api-keys'");
});
