import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';

const SEARCH_DEBOUNCE_MS = 300;

const nothingKept = () => new URLSearchParams();

/**
 * A list's filters, kept in the address so a filtered list can be shared, reloaded and returned to: the search box
 * (its settled text goes to `?q=`) and the named filter params. Clearing the filters leaves only what `kept` gives
 * (the order, on lists that sort: see `useSortParam`).
 */
export function useListFilters<Param extends string>(kept: () => URLSearchParams = nothingKept) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  const write = (values: Record<string, string | null | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(values)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  /** Sets the given filter params (an empty value removes one), replacing the history entry. */
  const setFilters = (values: Partial<Record<Param, string | null>>) => write(values);
  const setParam = (name: Param, value: string | null) => write({ [name]: value });

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch) write({ q: debouncedSearch || null });
    // Only a settled search goes to the address; the params themselves are read, not watched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const clearFilters = () => {
    setSearch('');
    setParams(kept(), { replace: true });
  };

  return { params, search, setSearch, setParam, setFilters, clearFilters };
}
