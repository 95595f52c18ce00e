import type { ErrorCode } from './errors.ts';

/** The outcome of a connection check: expected failures are values with a code and a hint. */
export type CheckResult =
  | { readonly ok: true; readonly detail?: string }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly hint: string };
