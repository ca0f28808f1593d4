import { RECORD_SORTS, type RecordSort } from '@irm/contracts';
import { useSearchParams } from 'react-router';

const isSort = (value: string | null): value is RecordSort => RECORD_SORTS.includes(value as RecordSort);

/** A list's order, kept in the address (`?sort=-updatedAt`) like its filters; by name when absent. */
export function useSortParam() {
  const [params, setParams] = useSearchParams();
  const value = params.get('sort');
  const sort: RecordSort = isSort(value) ? value : 'name';
  const setSort = (next: RecordSort) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'name') updated.delete('sort');
        else updated.set('sort', next);
        return updated;
      },
      { replace: true },
    );
  /** What "clear filters" leaves in the address: the order stays. */
  const kept = () => (sort === 'name' ? new URLSearchParams() : new URLSearchParams({ sort }));
  return { sort, setSort, kept };
}
