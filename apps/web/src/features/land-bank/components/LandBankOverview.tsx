import { ZoneType } from '@irm/contracts';
import { Card, EmptyState, Group, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui';
import { useLandBankSummary } from '../hooks/use-land-bank-summary';
import { LandBankTypeCard } from './LandBankTypeCard';

const TYPE_ORDER: readonly ZoneType[] = [ZoneType.IndustrialPark, ZoneType.IndustrialCluster];

export function LandBankOverview() {
  const { t } = useTranslation();
  const summary = useLandBankSummary();

  if (summary.isPending) return <LandBankOverviewSkeleton />;
  if (summary.isError) {
    return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;
  }

  const byType = [...summary.data.byType].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
  if (byType.length === 0) {
    return (
      <Card withBorder radius="lg" padding="xl">
        <EmptyState
          icon={<IconMapPinOff aria-hidden />}
          title={t('landBank.emptyTitle')}
          description={t('landBank.emptyDescription')}
        />
      </Card>
    );
  }

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      {byType.map((totals) => (
        <LandBankTypeCard key={totals.type} totals={totals} />
      ))}
    </SimpleGrid>
  );
}

function LandBankOverviewSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" aria-busy="true" data-testid="land-bank-loading">
      {TYPE_ORDER.map((type) => (
        <Card key={type} withBorder radius="lg" padding="lg">
          <Group gap="sm" mb="lg">
            <Skeleton height={44} width={44} radius="md" />
            <Stack gap={6}>
              <Skeleton height={16} width={160} />
              <Skeleton height={12} width={48} />
            </Stack>
          </Group>
          <SimpleGrid cols={{ base: 2, xs: 3 }} mb="xl">
            {[0, 1, 2].map((i) => (
              <Stack key={i} gap={6}>
                <Skeleton height={10} width="60%" />
                <Skeleton height={22} width="80%" />
              </Stack>
            ))}
          </SimpleGrid>
          <Skeleton height={32} radius="md" mb="sm" />
          <Stack gap={8}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={14} />
            ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
