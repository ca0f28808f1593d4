import { useState } from 'react';
import type { EventRoiReport, EventRoiRow } from '@irm/contracts';
import { Box, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { share } from './chart-scale';
import { useReportFormatters } from './report-format';

const SHOWN = 10;

/** What each promotion event brought: contacts, conversions, land asked for, capital and jobs, against its cost. */
export function EventRoiTable({ report }: { report: EventRoiReport }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const events = all ? report.events : report.events.slice(0, SHOWN);
  const top = Math.max(...report.events.map((e) => e.contacts), 1);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={900} type="native">
        <Table verticalSpacing="xs" horizontalSpacing="sm" highlightOnHover data-testid="event-roi-table">
          <Table.Thead bg="gray.0" style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('reports.events.event')}</Table.Th>
              <Table.Th>{t('reports.events.contactsConversions')}</Table.Th>
              <Table.Th ta="right">{t('reports.events.hectares')}</Table.Th>
              <Table.Th ta="right">{t('reports.events.capital')}</Table.Th>
              <Table.Th ta="right">{t('reports.events.jobs')}</Table.Th>
              <Table.Th ta="right">{t('reports.events.budget')}</Table.Th>
              <Table.Th ta="right">{t('reports.events.costPerConversion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {events.map((event) => (
              <EventRow key={event.eventId} event={event} top={top} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <TotalsRow report={report} />
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {report.events.length > SHOWN && (
        <Group justify="center">
          <Button variant="subtle" size="xs" onClick={() => setAll((value) => !value)}>
            {all ? t('reports.showFewer') : t('reports.showAll', { count: report.events.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EventRow({ event, top }: { event: EventRoiRow; top: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useReportFormatters();
  return (
    <Table.Tr data-testid="event-row" data-event={event.eventId}>
      <Table.Td style={{ whiteSpace: 'normal' }} miw={240}>
        <Text size="sm" fw={600} lineClamp={2}>
          {event.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`reports.events.kind.${event.kind}`)} · {format.date(event.startsOn)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ContactBar contacts={event.contacts} conversions={event.conversions} top={top} />
      </Table.Td>
      <Table.Td ta="right">{event.hectaresEnquired > 0 ? format.hectares(event.hectaresEnquired) : '—'}</Table.Td>
      <Table.Td ta="right">{event.capitalUsd > 0 ? money.usd(event.capitalUsd) : '—'}</Table.Td>
      <Table.Td ta="right">{event.expectedJobs > 0 ? format.integer(event.expectedJobs) : '—'}</Table.Td>
      <Table.Td ta="right">{event.budgetVnd === null ? '—' : money.vnd(event.budgetVnd)}</Table.Td>
      <Table.Td ta="right" fw={600} data-testid="cost-per-conversion">
        {event.costPerConversionVnd === null ? '—' : money.vnd(event.costPerConversionVnd)}
      </Table.Td>
    </Table.Tr>
  );
}

/** Contacts as a light bar, conversions as the dark part of it, with both numbers. */
function ContactBar({ contacts, conversions, top }: { contacts: number; conversions: number; top: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Tooltip
      label={t('reports.events.barTooltip', {
        contacts: format.integer(contacts),
        conversions: format.integer(conversions),
      })}
      withArrow
    >
      <Group
        gap="xs"
        wrap="nowrap"
        data-testid="event-conversions"
        data-contacts={contacts}
        data-conversions={conversions}
      >
        <Box pos="relative" h={10} w={72} style={{ flex: 'none' }} aria-hidden>
          <Box pos="absolute" h={10} w={`${share(contacts, top) * 100}%`} bg="irm.1" style={{ borderRadius: 3 }} />
          <Box pos="absolute" h={10} w={`${share(conversions, top) * 100}%`} bg="teal.6" style={{ borderRadius: 3 }} />
        </Box>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Text span fw={700} c="teal.8" inherit>
            {format.integer(conversions)}
          </Text>
          <Text span c="dimmed" inherit>
            {` / ${format.integer(contacts)}`}
          </Text>
        </Text>
      </Group>
    </Tooltip>
  );
}

function TotalsRow({ report }: { report: EventRoiReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useReportFormatters();
  const { totals } = report;
  return (
    <Table.Tr fw={700} data-testid="event-totals" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      <Table.Td>{t('reports.events.total', { count: totals.eventCount })}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={700}>
          <Text span c="teal.8" inherit>
            {format.integer(totals.conversions)}
          </Text>
          <Text span c="dimmed" fw={400} inherit>
            {` / ${format.integer(totals.contacts)}`}
          </Text>
        </Text>
      </Table.Td>
      <Table.Td ta="right">{format.hectares(totals.hectaresEnquired)}</Table.Td>
      <Table.Td ta="right">{money.usd(totals.capitalUsd)}</Table.Td>
      <Table.Td ta="right">{format.integer(totals.expectedJobs)}</Table.Td>
      <Table.Td ta="right">{totals.budgetVnd === null ? '—' : money.vnd(totals.budgetVnd)}</Table.Td>
      <Table.Td ta="right">
        {totals.costPerConversionVnd === null ? '—' : money.vnd(totals.costPerConversionVnd)}
      </Table.Td>
    </Table.Tr>
  );
}
