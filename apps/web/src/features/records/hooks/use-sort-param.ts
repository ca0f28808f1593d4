import { RECORD_SORTS, type RecordSort } from '@irm/contracts';
import { useSearchParams } from 'react-router';

/**
 * A list's order, kept in the address (`?sort=-updatedAt`) like its filters. Record lists sort by name when it is
 * absent; other lists (pipeline items) give their own sort values and default.
 */
export function useSortParam<Sort extends string = RecordSort>(
  sorts: readonly Sort[] = RECORD_SORTS as readonly string[] as readonly Sort[],
  fallback: Sort = 'name' as Sort,
) {
  const [params, setParams] = useSearchParams();
  const value = params.get('sort');
  const sort: Sort = sorts.includes(value as Sort) ? (value as Sort) : fallback;
  const setSort = (next: Sort) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === fallback) updated.delete('sort');
        else updated.set('sort', next);
        return updated;
      },
      { replace: true },
    );
  /** What "clear filters" leaves in the address: the order stays. */
  const kept = () => (sort === fallback ? new URLSearchParams() : new URLSearchParams({ sort }));
  return { sort, setSort, kept };
}
