/**
 * Types of the API's JSON, read from the generated OpenAPI types (schema.gen.ts, written by
 * `npm run api:types`), so a change of a route's schema on the server breaks the dashboard's build
 * instead of its pages. Paths are written without the /api/v1 prefix, as apiFetch takes them.
 */
import type { paths } from './schema.gen.ts';

type Prefixed<P extends string> = `/api/v1${P}` & keyof paths;
type Operation<P extends string, M extends string> = M extends keyof paths[Prefixed<P>]
  ? paths[Prefixed<P>][M]
  : never;
type Json<T> = T extends { readonly content: { readonly 'application/json': infer B } } ? B : never;

/** The success body of `method path` (200 or 201). */
export type ResponseOf<P extends string, M extends string = 'get'> =
  Operation<P, M> extends { readonly responses: infer R }
    ? R extends { readonly 200: infer S }
      ? Json<S>
      : R extends { readonly 201: infer S }
        ? Json<S>
        : never
    : never;

/** The JSON request body of `method path`. */
export type BodyOf<P extends string, M extends string> =
  Operation<P, M> extends { readonly requestBody?: infer B } ? Json<NonNullable<B>> : never;
