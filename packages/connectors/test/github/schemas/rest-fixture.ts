/**
 * Typed access to rest-schemas.json, the extract of GitHub's OpenAPI description written by
 * scripts/extract-github-schemas.ts.
 */
import { readFileSync } from 'node:fs';

/** The committed fixture: response body schemas per endpoint ("GET /path") and status code. */
export interface RestFixture {
  source: { package: string; version: string; file: string; openapi: string; apiVersion: string };
  errorSchemas: string[];
  /** `null` marks a declared response without a body (304). */
  endpoints: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

/** Reads the fixture from disk (once per caller; validate-rest caches the result). */
export function loadRestFixture(): RestFixture {
  const url = new URL('./rest-schemas.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as RestFixture;
}
