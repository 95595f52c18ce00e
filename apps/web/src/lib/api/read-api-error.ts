import { ApiError } from './api-error.ts';

/** The ApiError of a failed response; a body that is not Pulse's error JSON still gives one. */
export async function readApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; hint?: unknown } } | undefined)
    ?.error;
  if (error !== undefined && typeof error.code === 'string' && typeof error.message === 'string')
    return new ApiError(
      response.status,
      error.code,
      error.message,
      typeof error.hint === 'string' ? error.hint : undefined,
    );
  return new ApiError(
    response.status,
    response.status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR',
    `The server answered ${response.status} ${response.statusText}.`,
  );
}
