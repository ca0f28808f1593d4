import { useMemo } from 'react';
import type { Me, PromotionEvent, PromotionEventSort } from '@irm/contracts';
import { Avatar, Button, Card, Chip, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EventListFilters } from '../../../shared/api';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui';
import { diacriticInsensitiveFilter } from '../../organizations/components/search-filter';
import { ListRecordLink, ListSearchInput, RecordListBody, useListFilters, type ListColumn } from '../../records';
import { useEventList } from '../hooks/use-events';
import { eventPath } from '../paths';
import { EventKindBadge } from './badges';
import { CreateEventModal } from './CreateEventModal';
import { EventDates } from './EventDates';
import { countryName, countryOptions, eventKindOptions, isEventKind, isEventSort, sortOptions } from './options';

type FilterParam = 'kind' | 'country' | 'from' | 'to' | 'mine' | 'sort';
const DEFAULT_SORT: PromotionEventSort = '-startsOn';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Promotion events, newest first; filters live in the address like the other lists. */
export function EventsList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [address] = useSearchParams();
  const sortParam = address.get('sort');
  const sort = isEventSort(sortParam) ? sortParam : DEFAULT_SORT;
  // Clearing the filters keeps the order.
  const { params, search, setSearch, setParam, clearFilters } = useListFilters<FilterParam>(
    () => new URLSearchParams(sort === DEFAULT_SORT ? {} : { sort }),
  );
  const [createOpened, createModal] = useDisclosure(false);

  const kind = params.get('kind');
  const country = params.get('country');
  const from = params.get('from');
  const to = params.get('to');
  const mine = params.get('mine') === '1';
  const filters = useMemo<EventListFilters>(
    () => ({
      q: params.get('q') || undefined,
      kind: isEventKind(kind) ? kind : undefined,
      country: country || undefined,
      from: from && DATE.test(from) ? from : undefined,
      to: to && DATE.test(to) ? to : undefined,
      ownerId: mine ? me.id : undefined,
    }),
    [params, kind, country, from, to, mine, me.id],
  );
  const filtered = Object.values(filters).some(Boolean);
  const list = useEventList(filters, sort);
  const events = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const countries = useMemo(() => countryOptions(language), [language]);
  const columns = useEventColumns();

  return (
    <>
      <PageHeader
        title={t('events.title')}
        description={t('events.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open} data-testid="add-event">
            {t('events.add')}
          </Button>
        }
      />
      <Card withBorder radius="lg" padding={0}>
        <Stack gap="sm" p="md">
          <Group gap="sm" wrap="wrap" align="flex-end">
            <ListSearchInput
              label={t('events.search')}
              value={search}
              onChange={setSearch}
              refreshing={list.isFetching && !list.isPending}
              basis={280}
              testId="event-search"
            />
            <Select
              aria-label={t('events.field.kind')}
              data={[{ value: '', label: t('events.allKinds') }, ...eventKindOptions(t)]}
              value={kind ?? ''}
              onChange={(value) => setParam('kind', value)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
            <Select
              aria-label={t('events.field.country')}
              data={[{ value: '', label: t('events.allCountries') }, ...countries]}
              value={country ?? ''}
              onChange={(value) => setParam('country', value)}
              searchable
              filter={diacriticInsensitiveFilter}
              limit={300}
              nothingFoundMessage={t('events.nothingFound')}
              allowDeselect={false}
              w={{ base: '100%', xs: 190 }}
            />
            <TextInput
              type="date"
              aria-label={t('events.from')}
              title={t('events.from')}
              leftSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  {t('events.fromShort')}
                </Text>
              }
              leftSectionWidth={42}
              value={from ?? ''}
              onChange={(e) => setParam('from', e.currentTarget.value || null)}
              w={{ base: '100%', xs: 180 }}
              data-testid="filter-from"
            />
            <TextInput
              type="date"
              aria-label={t('events.to')}
              title={t('events.to')}
              leftSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  {t('events.toShort')}
                </Text>
              }
              leftSectionWidth={42}
              value={to ?? ''}
              onChange={(e) => setParam('to', e.currentTarget.value || null)}
              w={{ base: '100%', xs: 180 }}
              data-testid="filter-to"
            />
          </Group>
          <Group gap="sm" justify="space-between">
            <Chip
              checked={mine}
              onChange={(checked) => setParam('mine', checked ? '1' : null)}
              variant="light"
              data-testid="filter-mine"
            >
              {t('events.mine')}
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
                  {t('events.clearFilters')}
                </Button>
              )}
              <Select
                aria-label={t('lists.sort')}
                size="xs"
                data={sortOptions(t)}
                value={sort}
                onChange={(value) => setParam('sort', value === DEFAULT_SORT ? null : value)}
                allowDeselect={false}
                w={170}
                data-testid="event-sort"
              />
            </Group>
          </Group>
        </Stack>
        <RecordListBody
          name="events"
          list={list}
          items={events}
          filtered={filtered}
          onAdd={createModal.open}
          onClearFilters={clearFilters}
          emptyIcon={<IconCalendarEvent aria-hidden />}
          tableMinWidth={920}
          columns={columns}
          rowProps={(event) => ({ 'data-testid': 'event-row', 'data-event-id': event.id })}
          renderCard={(event) => <EventCard key={event.id} event={event} />}
        />
      </Card>
      <CreateEventModal me={me} opened={createOpened} onClose={createModal.close} />
    </>
  );
}

function useEventColumns(): ListColumn<PromotionEvent>[] {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const nowrap = { style: { whiteSpace: 'nowrap' } } as const;
  return [
    {
      key: 'name',
      label: t('events.field.name'),
      required: true,
      cellProps: { maw: 340 },
      cell: (event) => (
        <>
          <EventLink event={event} />
          <Text size="xs" c="dimmed" lineClamp={1}>
            {event.place}
          </Text>
        </>
      ),
    },
    {
      key: 'kind',
      label: t('events.field.kind'),
      cellProps: nowrap,
      cell: (event) => <EventKindBadge kind={event.kind} />,
    },
    {
      key: 'dates',
      label: t('events.dates'),
      cellProps: nowrap,
      cell: (event) => <EventDates startsOn={event.startsOn} endsOn={event.endsOn} size="sm" />,
    },
    {
      key: 'country',
      label: t('events.field.country'),
      cellProps: nowrap,
      cell: (event) => <Text size="sm">{countryName(event.country, language)}</Text>,
    },
    {
      key: 'attendees',
      label: t('events.attendeesShort'),
      numeric: true,
      cell: (event) => <Text size="sm">{format.integer(event.attendeeCount)}</Text>,
    },
    {
      key: 'budget',
      label: t('events.field.budgetVnd'),
      numeric: true,
      cellProps: nowrap,
      cell: (event) =>
        event.budgetVnd === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Text size="sm">{t('events.vnd', { amount: format.integer(event.budgetVnd) })}</Text>
        ),
    },
    {
      key: 'owner',
      label: t('events.field.owner'),
      cell: (event) => (
        <Group gap={8} wrap="nowrap">
          <Avatar name={event.ownerName} color="initials" radius="xl" size={26} aria-hidden />
          <Text size="sm">{event.ownerName}</Text>
        </Group>
      ),
    },
  ];
}

function EventLink({ event }: { event: PromotionEvent }) {
  return (
    <ListRecordLink to={eventPath(event.id)} testId="event-link">
      {event.name}
    </ListRecordLink>
  );
}

function EventCard({ event }: { event: PromotionEvent }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <Stack
      component="li"
      gap={6}
      px="md"
      py="sm"
      data-testid="event-card"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <EventLink event={event} />
          <Text size="xs" c="dimmed" lineClamp={1}>
            {event.place} · {countryName(event.country, language)}
          </Text>
        </div>
        <EventKindBadge kind={event.kind} />
      </Group>
      <Group gap="xs" justify="space-between">
        <EventDates startsOn={event.startsOn} endsOn={event.endsOn} size="xs" />
        <Text size="xs" c="dimmed">
          {t('events.attendeeCount', { count: event.attendeeCount })}
        </Text>
      </Group>
    </Stack>
  );
}
