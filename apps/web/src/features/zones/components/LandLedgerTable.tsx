import type { LandMovement } from '@irm/contracts';
import { Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState } from '../../../shared/ui';
import { useLandLedger } from '../hooks/use-zones';

const KIND_COLORS = { reserve: 'yellow', release: 'gray', lease: 'irm', adjust: 'grape' } as const;

/** The zone's ledger, newest first: what moved, why, because of what, and who recorded it. */
export function LandLedgerTable({ zoneId }: { zoneId: string }) {
  const { t } = useTranslation();
  const ledger = useLandLedger(zoneId);
  const movements = ledger.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder radius="lg" padding={0} component="section" aria-labelledby="zone-ledger-title">
      <Stack gap={2} p="lg" pb="sm">
        <Title order={2} fz="lg" id="zone-ledger-title">
          {t('zones.ledgerTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('zones.ledgerDescription')}
        </Text>
      </Stack>
      {ledger.isPending ? (
        <Stack gap="sm" p="lg" aria-busy="true">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={36} />
          ))}
        </Stack>
      ) : ledger.isError ? (
        <Stack p="lg">
          <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} retrying={ledger.isFetching} />
        </Stack>
      ) : movements.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          {t('zones.ledgerEmpty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="xs" horizontalSpacing="sm" data-testid="land-ledger">
              <Table.Thead bg="gray.0" style={{ whiteSpace: 'nowrap' }}>
                <Table.Tr>
                  <Table.Th>{t('zones.ledgerAt')}</Table.Th>
                  <Table.Th>{t('zones.ledgerKind')}</Table.Th>
                  <Table.Th ta="right">{t('zones.ledgerLeased')}</Table.Th>
                  <Table.Th ta="right">{t('zones.ledgerReserved')}</Table.Th>
                  <Table.Th ta="right">{t('zones.ledgerAvailableAfter')}</Table.Th>
                  <Table.Th>{t('zones.ledgerReason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {movements.map((movement) => (
                  <LedgerRow key={movement.id} movement={movement} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" p="md" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('zones.ledgerShown', { count: movements.length })}
            </Text>
            {ledger.hasNextPage && (
              <Button variant="default" onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Card>
  );
}

function LedgerRow({ movement }: { movement: LandMovement }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const signed = (ha: number) =>
    ha === 0 ? (
      <Text span c="dimmed" size="sm">
        {t('zones.none')}
      </Text>
    ) : (
      <Text span size="sm" c={ha > 0 ? undefined : 'red.8'}>
        {ha > 0 ? '+' : '−'}
        {format.hectares(Math.abs(ha))}
      </Text>
    );
  const author = movement.authorName ?? t('zones.ledgerSystem');
  const origin = movement.causeType
    ? `${t(movement.causeType === 'land_enquiry' ? 'zones.causeType.land_enquiry' : 'zones.causeType.other')} ${movement.causeId?.slice(0, 8)} · ${author}`
    : movement.authorName
      ? `${t('zones.ledgerManual')} · ${author}`
      : author;
  return (
    <Table.Tr data-testid="ledger-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{format.date(movement.at)}</Text>
        <Text size="xs" c="dimmed">
          {format.time(movement.at)}
        </Text>
      </Table.Td>
      <Table.Td miw={130} style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="light" color={KIND_COLORS[movement.kind]} radius="sm" tt="none" maw="none">
          {t(`zones.movementKind.${movement.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {signed(movement.leasedDeltaHa)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {signed(movement.reservedDeltaHa)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={600}>
          {format.hectares(movement.availableAfterHa)}
        </Text>
      </Table.Td>
      <Table.Td miw={180}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {movement.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {origin}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
