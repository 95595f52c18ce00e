import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Filters } from '../lib/filters.ts';
import { parseFilters } from '../lib/parse-filters.ts';
import { writeFilters } from '../lib/write-filters.ts';

/** The filters of the current URL and a setter that writes a change back into the URL. */
export function useFilters(): [Filters, (change: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const update = useCallback(
    (change: Partial<Filters>) =>
      setParams((current) => writeFilters({ ...parseFilters(current), ...change }, current)),
    [setParams],
  );
  return [filters, update];
}
