import type { ReactNode } from 'react';
import { ZONE_SECTORS } from '@irm/contracts';
import { Badge, Button, Chip, Collapse, Group, Select, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconAlarm, IconFilterOff, IconUser } from '@tabler/icons-react';
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
  // On a phone the three selects fold away behind one button, so the board starts near the top.
  const small = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [moreOpened, more] = useDisclosure(false);
  const chosen = [filters.mine ? undefined : filters.ownerId, filters.zoneId, filters.sector].filter(Boolean).length;
  const selects = (
    <>
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
    </>
  );
  return (
    <Stack gap="sm" data-testid="pipeline-filters">
      <Group gap="sm" wrap={small ? 'nowrap' : 'wrap'} align="flex-end">
        <ListSearchInput
          label={t('pipelines.filters.search')}
          value={search}
          onChange={setSearch}
          refreshing={refreshing}
          basis={260}
          testId="pipeline-search"
        />
        {small ? (
          <Button
            variant="default"
            onClick={more.toggle}
            aria-expanded={moreOpened}
            leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
            rightSection={
              chosen > 0 ? (
                <Badge size="xs" circle>
                  {chosen}
                </Badge>
              ) : undefined
            }
            style={{ flexShrink: 0 }}
          >
            {t('pipelines.filters.more')}
          </Button>
        ) : (
          selects
        )}
      </Group>
      {small && (
        <Collapse expanded={moreOpened}>
          <Stack gap="sm">{selects}</Stack>
        </Collapse>
      )}
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
