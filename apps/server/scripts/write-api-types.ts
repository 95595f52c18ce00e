/** Regenerates the dashboard's API types from the OpenAPI document: npm run api:types */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderApiTypes } from './api-types.ts';

const target = fileURLToPath(new URL('../../web/src/lib/api/schema.gen.ts', import.meta.url));
writeFileSync(target, await renderApiTypes());
console.log('wrote apps/web/src/lib/api/schema.gen.ts');
