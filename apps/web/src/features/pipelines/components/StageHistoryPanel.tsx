import type { PipelineKind } from '@irm/contracts';
import { Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { ErrorState } from '../../../shared/ui';
import { useStageHistory } from '../hooks/use-pipelines';
import { localized } from '../move-check';

/** Every stage the item went through: from where to where, who moved it, when, and how long it had waited. */
export function StageHistoryPanel({ kind, itemId }: { kind: PipelineKind; itemId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const history = useStageHistory(kind, itemId);
  const moves = [...(history.data ?? [])].sort((a, b) => b.movedAt.localeCompare(a.movedAt));
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="stage-history-title">
      <Title order={2} fz="lg" mb="md" id="stage-history-title">
        {t('pipelines.history.title')}
      </Title>
      {history.isPending ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={18} />
          <Skeleton height={18} />
        </Stack>
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      ) : moves.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pipelines.history.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" data-testid="stage-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pipelines.history.move')}</Table.Th>
                <Table.Th>{t('pipelines.history.by')}</Table.Th>
                <Table.Th>{t('pipelines.history.when')}</Table.Th>
                <Table.Th ta="right">{t('pipelines.history.daysInStage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moves.map((move) => (
                <Table.Tr key={move.id} data-testid="stage-history-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c="dimmed">
                        {move.fromStageName ? localized(move.fromStageName, language) : t('pipelines.history.created')}
                      </Text>
                      <IconArrowRight size={14} aria-label={t('pipelines.history.to')} style={{ flexShrink: 0 }} />
                      <Text size="sm" fw={600}>
                        {localized(move.toStageName, language)}
                      </Text>
                    </Group>
                    {move.reason && (
                      <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'pre-line' }}>
                        {move.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{move.movedByName ?? t('pipelines.history.system')}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{format.dateTime(move.movedAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    <Text size="sm">
                      {move.workingDaysInStage === null
                        ? '—'
                        : t('pipelines.workingDays', { count: move.workingDaysInStage })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
