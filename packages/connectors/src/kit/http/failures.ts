/**
 * Turning failed answers into PulseErrors. Errors end up in logs, the UI and API bodies that any
 * member of the tenant (viewers too) can read, so they carry the method, the URL path, the HTTP
 * status and a fixed hint only: no query string (it may hold tokens), no headers, and none of the
 * source's body. A body is whatever the far end chose to send; copying it into a message would
 * let an integration pointed at an internal service read that service's answers back.
 */
import { PulseError } from '@pulse/core';

/** 'GET /repos/acme/api/pulls' — the path only, never the query or credentials. */
export function describeRequest(method: string, url: string): string {
  return `${method} ${new URL(url).pathname}`;
}

/** The error for a 4xx the caller did not accept: SOURCE_AUTH_FAILED for 401/403, else SOURCE_HTTP_ERROR. */
export function httpFailure(status: number, where: string): PulseError {
  const message = `${where} answered ${status}.`;
  if (status === 401 || status === 403) {
    return new PulseError('SOURCE_AUTH_FAILED', {
      message,
      hint:
        status === 401
          ? 'The token is missing, expired or revoked: create a new one and update the integration secrets.'
          : 'The token is valid but may not read this resource: grant it the scopes or repository access listed in the connector documentation (for GitHub organisations, also approve or SSO-authorise the token).',
    });
  }
  return new PulseError('SOURCE_HTTP_ERROR', { message });
}

/** Replaces every secret value (default header values) found in `text` with '[redacted]'. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (out, secret) => (secret.length >= 6 ? out.split(secret).join('[redacted]') : out),
    text,
  );
}

/** A failed attempt worth retrying: its status, or the network error. */
export type Failure = { readonly status: number; readonly invalidJson: boolean } | NetworkFailure;
export type NetworkFailure = { readonly error: string };

/** The error once retries are used up: SOURCE_RESPONSE_INVALID for broken JSON, else SOURCE_UNAVAILABLE. */
export function exhausted(where: string, failure: Failure, attempts: number): PulseError {
  if ('invalidJson' in failure && failure.invalidJson) {
    return new PulseError('SOURCE_RESPONSE_INVALID', {
      message: `${where} answered ${failure.status} with a body that is not valid JSON, ${attempts} times in a row.`,
    });
  }
  const last = 'error' in failure ? failure.error : `status ${failure.status}`;
  return new PulseError('SOURCE_UNAVAILABLE', {
    message: `${where} failed ${attempts} times in a row; last: ${last}.`,
  });
}

/** The error when the source keeps refusing although every wait was honoured. */
export function stillLimited(where: string, waits: number): PulseError {
  return new PulseError('SOURCE_RATE_LIMITED', {
    message: `${where} was still rate limited after ${waits} waits in a row.`,
    hint: 'The source keeps refusing requests although Pulse waited as asked; another client may be spending the same token. Run the sync again later; it resumes from its checkpoint.',
  });
}
