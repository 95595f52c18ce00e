import { ApiError } from '../lib/api/api-error.ts';

/** An error with the API's code and hint, announced to screen readers. */
export function ErrorBox({ error, title }: { readonly error: unknown; readonly title?: string }) {
  const e = error instanceof Error ? error : new Error(String(error));
  return (
    <div role="alert" className="error-box">
      {title !== undefined && <strong>{title}: </strong>}
      <span>{e.message}</span>
      {e instanceof ApiError && (
        <>
          {' '}
          <code className="muted">{e.code}</code>
          {e.hint !== undefined && <p>{e.hint}</p>}
        </>
      )}
    </div>
  );
}
