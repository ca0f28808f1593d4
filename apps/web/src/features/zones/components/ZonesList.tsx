import { useMemo } from 'react';
import type { Zone } from '@irm/contracts';
import { Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconBuildingFactory2, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ZoneListFilters } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui';
import { LandUseBar } from '../../land-bank';
import { ListRecordLink, ListSearchInput, RecordListBody, useListFilters, type ListColumn } from '../../records';
import { useZoneDistricts, useZoneList } from '../hooks/use-zones';
import { zonePath } from '../paths';
import { IllustrativeBadge, ZoneStatusBadge, ZoneTypeBadge } from './badges';
import { isZoneStatus, isZoneType, statusOptions, typeOptions } from './options';

type FilterParam = 'type' | 'status' | 'district';

/** Parks and clusters with their land bank at a glance. Filters live in the address, as on the other lists. */
export function ZonesList() {
  const { t } = useTranslation();
  const { params, search, setSearch, setParam, clearFilters } = useListFilters<FilterParam>();
  const districts = useZoneDistricts();
  const columns = useZoneColumns();

  const type = params.get('type');
  const status = params.get('status');
  const district = params.get('district');
  const filters = useMemo<ZoneListFilters>(
    () => ({
      q: params.get('q') || undefined,
      type: isZoneType(type) ? type : undefined,
      status: isZoneStatus(status) ? status : undefined,
      district: district || undefined,
    }),
    [params, type, status, district],
  );
  const filtered = Object.values(filters).some(Boolean);

  const list = useZoneList(filters);
  const zones = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <>
      <PageHeader title={t('zones.title')} description={t('zones.description')} />
      <Card withBorder radius="lg" padding={0}>
        <Stack gap="sm" p="md">
          <Group gap="sm" wrap="wrap" align="flex-end">
            <ListSearchInput
              label={t('zones.search')}
              value={search}
              onChange={setSearch}
              refreshing={list.isFetching && !list.isPending}
              basis={300}
              testId="zone-search"
            />
            <Select
              aria-label={t('zones.typeLabel')}
              data={[{ value: '', label: t('zones.allTypes') }, ...typeOptions(t)]}
              value={type ?? ''}
              onChange={(value) => setParam('type', value)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
            <Select
              aria-label={t('zones.statusLabel')}
              data={[{ value: '', label: t('zones.allStatuses') }, ...statusOptions(t)]}
              value={status ?? ''}
              onChange={(value) => setParam('status', value)}
              allowDeselect={false}
              w={{ base: '100%', xs: 190 }}
            />
            <Select
              aria-label={t('zones.district')}
              data={[
                { value: '', label: t('zones.allDistricts') },
                ...(districts.data ?? []).map((name) => ({ value: name, label: name })),
              ]}
              value={district ?? ''}
              onChange={(value) => setParam('district', value)}
              allowDeselect={false}
              w={{ base: '100%', xs: 190 }}
            />
            {filtered && (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={clearFilters}
              >
                {t('zones.clearFilters')}
              </Button>
            )}
          </Group>
        </Stack>
        <RecordListBody
          name="zones"
          list={list}
          items={zones}
          filtered={filtered}
          onClearFilters={clearFilters}
          emptyIcon={<IconBuildingFactory2 aria-hidden />}
          tableMinWidth={980}
          columns={columns}
          rowProps={(zone) => ({ 'data-testid': 'zone-row', 'data-zone-code': zone.code })}
          renderCard={(zone) => <ZoneCard key={zone.id} zone={zone} />}
        />
      </Card>
    </>
  );
}

function ZoneLink({ zone }: { zone: Zone }) {
  return (
    <ListRecordLink to={zonePath(zone.id)} testId="zone-link">
      {zone.name}
    </ListRecordLink>
  );
}

function ZoneBar({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <LandUseBar
      bank={zone}
      height={12}
      label={t('zones.barLabel', {
        name: zone.name,
        leased: format.hectares(zone.leasedHa),
        reserved: format.hectares(zone.reservedHa),
        available: format.hectares(zone.availableHa),
      })}
      formatPercent={format.percent}
      describe={(use, ha) => `${t(`landBank.${use}`)}: ${format.hectares(ha)}`}
    />
  );
}

function useZoneColumns(): ListColumn<Zone>[] {
  const format = useFormatters();
  const { t } = useTranslation();
  const nowrap = { style: { whiteSpace: 'nowrap' } } as const;
  return [
    {
      key: 'name',
      label: t('zones.name'),
      required: true,
      cellProps: { maw: 320 },
      cell: (zone) => (
        <>
          <Group gap={8} wrap="nowrap">
            <ZoneLink zone={zone} />
            {zone.illustrative && <IllustrativeBadge />}
          </Group>
          {zone.craftVillage && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {zone.craftVillage}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'type',
      label: t('zones.typeLabel'),
      cellProps: nowrap,
      cell: (zone) => <ZoneTypeBadge type={zone.type} short />,
    },
    {
      key: 'district',
      label: t('zones.district'),
      cellProps: nowrap,
      cell: (zone) => <Text size="sm">{zone.district}</Text>,
    },
    {
      key: 'status',
      label: t('zones.statusLabel'),
      cellProps: nowrap,
      cell: (zone) => <ZoneStatusBadge status={zone.status} />,
    },
    {
      key: 'landBank',
      label: t('zones.landBank'),
      cellProps: { miw: 200 },
      cell: (zone) => (
        <Stack gap={4}>
          <ZoneBar zone={zone} />
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('landBank.leased')} {format.hectares(zone.leasedHa)} · {t('landBank.reserved')}{' '}
            {format.hectares(zone.reservedHa)} / {format.hectares(zone.industrialLandHa)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'available',
      label: t('zones.available'),
      numeric: true,
      cellProps: nowrap,
      cell: (zone) => (
        <Text size="sm" fw={600} data-testid="zone-available">
          {format.hectares(zone.availableHa)}
        </Text>
      ),
    },
  ];
}

function ZoneCard({ zone }: { zone: Zone }) {
  const format = useFormatters();
  const { t } = useTranslation();
  return (
    <Stack
      component="li"
      gap={6}
      px="md"
      py="sm"
      data-testid="zone-card"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <ZoneLink zone={zone} />
        <ZoneTypeBadge type={zone.type} short />
      </Group>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {zone.district}
        </Text>
        <ZoneStatusBadge status={zone.status} />
        {zone.illustrative && <IllustrativeBadge />}
      </Group>
      <ZoneBar zone={zone} />
      <Text size="xs" c="dimmed">
        {t('zones.available')}: {format.hectares(zone.availableHa)} / {format.hectares(zone.industrialLandHa)}
      </Text>
    </Stack>
  );
}
