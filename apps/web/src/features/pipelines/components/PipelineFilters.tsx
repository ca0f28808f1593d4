import { ZONE_SECTORS } from '@irm/contracts';
import { Button, Chip, Group, Select, Stack } from '@mantine/core';
import { IconAlarm, IconFilterOff, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListSearchInput } from '../../records';
import type { PipelineFiltersState } from '../hooks/use-pipeline-filters';
import { useZoneOptions } from '../hooks/use-zone-options';
import { OwnerFilter } from './OwnerFilter';

interface PipelineFiltersProps {
  state: PipelineFiltersState;
  refreshing: boolean;
  /** Shown at the end of the quick filters row, e.g. the list's column choice. */
  extra?: ReactNode;
}

/** Search, quick filters (mine, overdue) and owner, zone and sector: the same for the board and the list. */
export function PipelineFilters({ state, refreshing, extra }: PipelineFiltersProps) {
  const { t } = useTranslation();
  const zones = useZoneOptions();
  const { filters, filtered, search, setSearch, setParam, setFilters, clearFilters } = state;
  return (
    <Stack gap="sm" data-testid="pipeline-filters">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <ListSearchInput
          label={t('pipelines.filters.search')}
          value={search}
          onChange={setSearch}
          refreshing={refreshing}
          basis={260}
          testId="pipeline-search"
        />
        <OwnerFilter
          value={filters.mine ? undefined : filters.ownerId}
          onChange={(ownerId) => setFilters({ owner: ownerId, mine: null })}
        />
        <Select
          aria-label={t('pipelines.filters.zone')}
          placeholder={t('pipelines.filters.anyZone')}
          searchable
          clearable
          data={zones.data ?? []}
          value={filters.zoneId ?? null}
          onChange={(value) => setParam('zone', value)}
          nothingFoundMessage={t('pipelines.filters.noZone')}
          w={{ base: '100%', xs: 200 }}
          data-testid="filter-zone"
        />
        <Select
          aria-label={t('pipelines.filters.sector')}
          placeholder={t('pipelines.filters.anySector')}
          clearable
          data={ZONE_SECTORS.map((value) => ({ value, label: t(`zones.sector.${value}`) }))}
          value={filters.sector ?? null}
          onChange={(value) => setParam('sector', value)}
          w={{ base: '100%', xs: 190 }}
          data-testid="filter-sector"
        />
      </Group>
      <Group gap="sm" justify="space-between">
        <Group gap="xs">
          <Chip
            checked={!!filters.mine}
            onChange={(checked) => setFilters({ mine: checked ? '1' : null, owner: null })}
            variant="light"
            icon={<IconUser size={14} aria-hidden />}
            data-testid="filter-mine"
          >
            {t('pipelines.filters.mine')}
          </Chip>
          <Chip
            checked={!!filters.overdue}
            onChange={(checked) => setParam('overdue', checked ? '1' : null)}
            variant="light"
            color="red"
            icon={<IconAlarm size={14} aria-hidden />}
            data-testid="filter-overdue"
          >
            {t('pipelines.filters.overdue')}
          </Chip>
        </Group>
        <Group gap="sm">
          {filtered && (
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={clearFilters}
              data-testid="clear-filters"
            >
              {t('pipelines.filters.clear')}
            </Button>
          )}
          {extra}
        </Group>
      </Group>
    </Stack>
  );
}
