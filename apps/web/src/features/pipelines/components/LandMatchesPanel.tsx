import { useState } from 'react';
import type { LandEnquiry } from '@irm/contracts';
import { Badge, Button, Card, Group, Skeleton, Stack, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconStarFilled, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState, notify } from '../../../shared/ui';
import { ListRecordLink, isStaleVersion } from '../../records';
import { zonePath } from '../../zones';
import { useUpdateItem, useZoneMatches } from '../hooks/use-pipelines';
import type { ZoneMatch } from '../types';

/** Zones ranked for the enquiry (sector admitted, preferred, enough land); "Assign" makes one the enquiry's zone. */
export function LandMatchesPanel({ enquiry, canChange }: { enquiry: LandEnquiry; canChange: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const matches = useZoneMatches(enquiry.id);
  const update = useUpdateItem();
  const unavailable = isApiError(matches.error) && matches.error.status === 404;

  const assign = (match: ZoneMatch) =>
    update.mutate(
      { item: enquiry, changes: { zoneId: match.zoneId } },
      {
        onSuccess: () =>
          notify({ tone: 'success', message: t('pipelines.matches.assigned', { zone: match.zoneName }) }),
        onError: (error) =>
          notify({
            tone: isStaleVersion(error) ? 'warning' : 'error',
            title: t('pipelines.matches.assignFailed'),
            message: isStaleVersion(error)
              ? t('pipelines.edit.stale')
              : isApiError(error)
                ? (error.fieldError('zoneId') ?? error.problem.detail ?? error.problem.title)
                : t('errors.unexpected'),
          }),
      },
    );

  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-labelledby="matches-title"
      data-testid="land-matches"
    >
      <Stack gap={4} mb="md">
        <Title order={2} fz="lg" id="matches-title">
          {t('pipelines.matches.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('pipelines.matches.description', { area: format.hectares(enquiry.requestedAreaHa) })}
        </Text>
      </Stack>
      {matches.isPending ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={28} />
          ))}
        </Stack>
      ) : unavailable ? (
        <Text size="sm" c="dimmed" data-testid="matches-unavailable">
          {t('pipelines.matches.unavailable')}
        </Text>
      ) : matches.isError ? (
        <ErrorState error={matches.error} onRetry={() => void matches.refetch()} retrying={matches.isFetching} />
      ) : matches.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pipelines.matches.none')}
        </Text>
      ) : (
        <MatchesTable
          enquiry={enquiry}
          matches={matches.data}
          canChange={canChange}
          pendingZone={update.isPending ? update.variables?.changes.zoneId : undefined}
          onAssign={assign}
        />
      )}
    </Card>
  );
}

/** The best few are what a person weighs; the rest are a click away. */
const FIRST_MATCHES = 8;

function MatchesTable({
  enquiry,
  matches,
  canChange,
  pendingZone,
  onAssign,
}: {
  enquiry: LandEnquiry;
  matches: ZoneMatch[];
  canChange: boolean;
  pendingZone: string | null | undefined;
  onAssign: (match: ZoneMatch) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [all, setAll] = useState(false);
  const best = Math.max(...matches.map((match) => match.score), 1);
  // The assigned zone stays in view even when it ranks low.
  const shown = all
    ? matches
    : matches.filter((match, index) => index < FIRST_MATCHES || match.zoneId === enquiry.zoneId);
  return (
    <>
      <Table.ScrollContainer minWidth={620} type="native">
        <Table verticalSpacing="xs" highlightOnHover data-testid="matches-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pipelines.matches.zone')}</Table.Th>
              <Table.Th ta="right">{t('pipelines.matches.available')}</Table.Th>
              <Table.Th ta="center">{t('pipelines.matches.sector')}</Table.Th>
              <Table.Th ta="center">{t('pipelines.matches.fits')}</Table.Th>
              <Table.Th ta="right">{t('pipelines.matches.score')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((match) => {
              const assigned = enquiry.zoneId === match.zoneId;
              return (
                <Table.Tr key={match.zoneId} data-testid="match-row" data-zone-id={match.zoneId}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {match.preferred && (
                        <Tooltip label={t('pipelines.matches.preferred')} withArrow>
                          <IconStarFilled
                            size={14}
                            color="var(--mantine-color-yellow-6)"
                            aria-label={t('pipelines.matches.preferred')}
                          />
                        </Tooltip>
                      )}
                      <ListRecordLink to={zonePath(match.zoneId)} testId="match-zone">
                        {match.zoneName}
                      </ListRecordLink>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {match.district}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    <Text size="sm" fw={600} c={match.fits ? undefined : 'red.7'}>
                      {format.hectares(match.availableHa)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="center">
                    <YesNo yes={match.sectorAllowed} label={t('pipelines.matches.sector')} />
                  </Table.Td>
                  <Table.Td ta="center">
                    <YesNo yes={match.fits} label={t('pipelines.matches.fits')} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Text
                      size="sm"
                      c={match.score === best ? 'teal.8' : undefined}
                      fw={match.score === best ? 700 : 400}
                    >
                      {format.integer(match.score)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {assigned ? (
                      <Badge color="teal" variant="light" radius="sm" tt="none" data-testid="match-assigned">
                        {t('pipelines.matches.isAssigned')}
                      </Badge>
                    ) : (
                      canChange && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={pendingZone === match.zoneId}
                          disabled={pendingZone !== undefined && pendingZone !== match.zoneId}
                          onClick={() => onAssign(match)}
                          data-testid="assign-zone"
                        >
                          {t('pipelines.matches.assign')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length < matches.length && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setAll(true)} data-testid="matches-show-all">
          {t('pipelines.matches.showAll', { count: matches.length })}
        </Button>
      )}
    </>
  );
}

function YesNo({ yes, label }: { yes: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <ThemeIcon
      size={20}
      radius="xl"
      variant="light"
      color={yes ? 'teal' : 'gray'}
      aria-label={`${label}: ${yes ? t('pipelines.yes') : t('pipelines.no')}`}
    >
      {yes ? <IconCheck size={13} aria-hidden /> : <IconX size={13} aria-hidden />}
    </ThemeIcon>
  );
}
