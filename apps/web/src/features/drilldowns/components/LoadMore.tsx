/** "Load more" under a list, or a note that everything is shown. */
export function LoadMore({
  hasNext,
  loading,
  onLoad,
  count,
}: {
  readonly hasNext: boolean;
  readonly loading: boolean;
  readonly onLoad: () => void;
  readonly count: number;
}) {
  return (
    <div className="load-more">
      <span className="muted">{count} shown</span>
      {hasNext && (
        <button type="button" onClick={onLoad} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
