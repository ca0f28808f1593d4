import { useMemo } from 'react';
import { ImportEntity, type Me, type Organization } from '@irm/contracts';
import { Avatar, Button, Card, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingFactory2, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganizationListFilters } from '../../../shared/api';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui';
import { ListTransferActions } from '../../imports';
import {
  ColumnsMenu,
  RecordListBody,
  useHiddenColumns,
  ListRecordLink,
  ListSearchInput,
  useListFilters,
  useSortParam,
  type ListColumn,
} from '../../records';
import { useOrganizationList } from '../hooks/use-organizations';
import { investorPath } from '../paths';
import { KindBadge, SectorBadges } from './badges';
import { CreateOrganizationModal } from './CreateOrganizationModal';
import { isKind, kindOptions } from './options';
import { countryName, countryOptions, sectorOptionGroups } from './reference-data';
import { diacriticInsensitiveFilter } from './search-filter';

type FilterParam = 'kind' | 'country' | 'sector' | 'mine';

/**
 * The investor list. Filters live in the address, so a filtered list can be shared, reloaded, and returned to
 * from a record.
 */
export function OrganizationsList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { sort, setSort, kept } = useSortParam();
  const { params, search, setSearch, setParam, clearFilters } = useListFilters<FilterParam>(kept);
  const [createOpened, createModal] = useDisclosure(false);

  const kind = params.get('kind');
  const country = params.get('country');
  const sector = params.get('sector');
  const mine = params.get('mine') === '1';
  const columns = useOrganizationColumns();
  const { hidden, toggle } = useHiddenColumns('investors', ['createdAt']);
  const filters = useMemo<OrganizationListFilters>(
    () => ({
      q: params.get('q') || undefined,
      kind: isKind(kind) ? kind : undefined,
      country: country || undefined,
      sector: sector || undefined,
      ownerId: mine ? me.id : undefined,
    }),
    [params, kind, country, sector, mine, me.id],
  );
  const filtered = Object.values(filters).some(Boolean);

  const list = useOrganizationList(filters, sort);
  const organizations = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const countries = useMemo(() => countryOptions(language), [language]);
  const sectors = useMemo(() => sectorOptionGroups(language), [language]);

  return (
    <>
      <PageHeader
        title={t('investors.title')}
        description={t('investors.description')}
        actions={
          <Group gap="sm">
            <ListTransferActions entity={ImportEntity.Organizations} filters={{ ...filters, sort }} />
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={createModal.open}
              data-testid="add-investor"
            >
              {t('investors.add')}
            </Button>
          </Group>
        }
      />
      <Card withBorder radius="lg" padding={0}>
        <Stack gap="sm" p="md">
          <Group gap="sm" wrap="wrap" align="flex-end">
            <ListSearchInput
              label={t('investors.search')}
              value={search}
              onChange={setSearch}
              refreshing={list.isFetching && !list.isPending}
              basis={320}
              testId="investor-search"
            />
            <Select
              aria-label={t('investors.kindLabel')}
              data={[{ value: '', label: t('investors.allKinds') }, ...kindOptions(t)]}
              value={kind ?? ''}
              onChange={(value) => setParam('kind', value)}
              allowDeselect={false}
              w={{ base: '100%', xs: 230 }}
            />
            <Select
              aria-label={t('investors.country')}
              data={[{ value: '', label: t('investors.allCountries') }, ...countries]}
              value={country ?? ''}
              onChange={(value) => setParam('country', value)}
              searchable
              filter={diacriticInsensitiveFilter}
              limit={300}
              nothingFoundMessage={t('investors.nothingFound')}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
            <Select
              aria-label={t('investors.sectorsShort')}
              data={[{ value: '', label: t('investors.allSectors') }, ...sectors]}
              value={sector ?? ''}
              onChange={(value) => setParam('sector', value)}
              searchable
              filter={diacriticInsensitiveFilter}
              limit={200}
              nothingFoundMessage={t('investors.nothingFound')}
              allowDeselect={false}
              comboboxProps={{ width: 360, position: 'bottom-start' }}
              w={{ base: '100%', xs: 220 }}
            />
          </Group>
          <Group gap="sm" justify="space-between">
            <Chip
              checked={mine}
              onChange={(checked) => setParam('mine', checked ? '1' : null)}
              variant="light"
              data-testid="filter-mine"
            >
              {t('investors.mine')}
            </Chip>
            <Group gap="sm">
              {filtered && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={clearFilters}
                >
                  {t('investors.clearFilters')}
                </Button>
              )}
              <ColumnsMenu columns={columns} hidden={hidden} onToggle={toggle} />
            </Group>
          </Group>
        </Stack>
        <RecordListBody
          name="investors"
          list={list}
          items={organizations}
          filtered={filtered}
          onAdd={createModal.open}
          onClearFilters={clearFilters}
          emptyIcon={<IconBuildingFactory2 aria-hidden />}
          tableMinWidth={960}
          columns={columns}
          hidden={hidden}
          sorting={{ sort, onSort: setSort }}
          rowProps={(organization) => ({ 'data-testid': 'investor-row', 'data-investor-id': organization.id })}
          renderCard={(organization) => <OrganizationCard key={organization.id} organization={organization} />}
        />
      </Card>
      <CreateOrganizationModal me={me} opened={createOpened} onClose={createModal.close} />
    </>
  );
}

/** The investor table's columns; the name always shows, the others can be hidden. */
function useOrganizationColumns(): ListColumn<Organization>[] {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const nowrap = { style: { whiteSpace: 'nowrap' } } as const;
  return [
    {
      key: 'name',
      label: t('investors.name'),
      required: true,
      sortBy: 'name',
      cellProps: { maw: 320 },
      cell: (organization) => (
        <>
          <RecordLink organization={organization} />
          {organization.legalName && organization.legalName !== organization.name && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {organization.legalName}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      label: t('investors.kindLabel'),
      cellProps: nowrap,
      cell: (organization) => <KindBadge kind={organization.kind} short />,
    },
    {
      key: 'country',
      label: t('investors.country'),
      cellProps: nowrap,
      cell: (organization) => (
        <Text size="sm">
          {countryName(organization.country, language)}{' '}
          <Text span size="xs" c="dimmed">
            {organization.country}
          </Text>
        </Text>
      ),
    },
    {
      key: 'sectors',
      label: t('investors.sectorsShort'),
      cellProps: { miw: 150 },
      cell: (organization) => <SectorBadges sectors={organization.sectors} />,
    },
    {
      key: 'taxCode',
      label: t('investors.taxCode'),
      cellProps: nowrap,
      cell: (organization) =>
        organization.taxCode ? (
          <Text size="sm" ff="monospace">
            {organization.taxCode}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('investors.none')}
          </Text>
        ),
    },
    {
      key: 'owner',
      label: t('investors.owner'),
      cell: (organization) => (
        <Group gap={8} wrap="nowrap">
          <Avatar name={organization.ownerName} color="initials" radius="xl" size={26} aria-hidden />
          <Text size="sm">{organization.ownerName}</Text>
        </Group>
      ),
    },
    {
      key: 'updatedAt',
      label: t('investors.updated'),
      sortBy: 'updatedAt',
      cellProps: nowrap,
      cell: (organization) => <Text size="sm">{format.date(organization.updatedAt)}</Text>,
    },
    {
      key: 'createdAt',
      label: t('investors.created'),
      sortBy: 'createdAt',
      cellProps: nowrap,
      cell: (organization) => <Text size="sm">{format.date(organization.createdAt)}</Text>,
    },
  ];
}

function RecordLink({ organization }: { organization: Organization }) {
  return (
    <ListRecordLink to={investorPath(organization.id)} testId="investor-link">
      {organization.name}
    </ListRecordLink>
  );
}

function OrganizationCard({ organization }: { organization: Organization }) {
  const [language] = useLanguage();
  const format = useFormatters();
  return (
    <Stack
      component="li"
      gap={6}
      px="md"
      py="sm"
      data-testid="investor-card"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <RecordLink organization={organization} />
          {organization.legalName && organization.legalName !== organization.name && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {organization.legalName}
            </Text>
          )}
        </div>
        <KindBadge kind={organization.kind} short />
      </Group>
      <Text size="xs" c="dimmed">
        {[countryName(organization.country, language), organization.taxCode].filter(Boolean).join(' · ')}
      </Text>
      <SectorBadges sectors={organization.sectors} max={4} />
      <Group gap={6} wrap="nowrap">
        <Avatar name={organization.ownerName} color="initials" radius="xl" size={20} aria-hidden />
        <Text size="xs" c="dimmed" truncate="end">
          {organization.ownerName} · {format.date(organization.updatedAt)}
        </Text>
      </Group>
    </Stack>
  );
}
