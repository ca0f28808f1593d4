import { useMemo } from 'react';
import { ZONE_SECTORS, type ZoneSector } from '@irm/contracts';
import { useSearchParams } from 'react-router';
import { useListFilters, useSortParam } from '../../records';
import { ITEM_SORTS, type ItemFilters, type ItemSort } from '../types';

type FilterParam = 'mine' | 'overdue' | 'owner' | 'zone' | 'sector' | 'view';

export type PipelineView = 'board' | 'list';

const isSector = (value: string | null): value is ZoneSector => ZONE_SECTORS.includes(value as ZoneSector);

/**
 * The filters the board and the list share, kept in the address (`?mine=1&overdue=1&owner=…&zone=…&sector=…&q=…`)
 * so that switching between them, reloading or sharing the link keeps them. The view (`?view=list`) and the
 * list's order survive "clear filters".
 */
export function usePipelineFilters() {
  const [current] = useSearchParams();
  const { sort, setSort, kept: keptSort } = useSortParam<ItemSort>(ITEM_SORTS, '-updatedAt');
  const kept = () => {
    const next = keptSort();
    const view = current.get('view');
    if (view) next.set('view', view);
    return next;
  };
  const { params, search, setSearch, setParam, setFilters, clearFilters } = useListFilters<FilterParam>(kept);

  const q = params.get('q') || undefined;
  const mine = params.get('mine') === '1';
  const overdue = params.get('overdue') === '1';
  const ownerId = params.get('owner') || undefined;
  const zoneId = params.get('zone') || undefined;
  const sectorParam = params.get('sector');
  const sector = isSector(sectorParam) ? sectorParam : undefined;
  const filters = useMemo<ItemFilters>(
    () => ({ q, mine: mine || undefined, overdue: overdue || undefined, ownerId, zoneId, sector }),
    [q, mine, overdue, ownerId, zoneId, sector],
  );
  const filtered = Object.values(filters).some(Boolean);
  const view: PipelineView = params.get('view') === 'list' ? 'list' : 'board';

  return {
    filters,
    filtered,
    search,
    setSearch,
    setParam,
    setFilters,
    clearFilters,
    view,
    setView: (next: PipelineView) => setParam('view', next === 'list' ? 'list' : null),
    sort,
    setSort,
  };
}

export type PipelineFiltersState = ReturnType<typeof usePipelineFilters>;
