import { useId, type ReactNode } from 'react';
import {
  Card,
  ColorSwatch,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  getThemeColor,
  useMantineTheme,
} from '@mantine/core';
import { IconChartBarOff } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '../../../shared/ui';

interface ReportCardProps<T> {
  title: string;
  description?: string;
  /** Pickers that change only this card. */
  actions?: ReactNode;
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'isError' | 'isFetching'> & {
    refetch: () => Promise<unknown>;
  };
  /** Nothing to draw: the card says so instead of an empty chart. */
  isEmpty?: (data: T) => boolean;
  emptyText: string;
  skeletonHeight?: number;
  testId: string;
  children: (data: T) => ReactNode;
}

/**
 * One report on the dashboard: a titled card that shows a skeleton while loading, the server's problem with a
 * retry when it failed, a sentence when there is nothing to show, and the chart otherwise. Figures from the last
 * window stay (dimmed) while a new one loads.
 */
export function ReportCard<T>({
  title,
  description,
  actions,
  query,
  isEmpty,
  emptyText,
  skeletonHeight = 240,
  testId,
  children,
}: ReportCardProps<T>) {
  const headingId = useId();
  const data = query.data;
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      shadow="xs"
      component="section"
      aria-labelledby={headingId}
      aria-busy={query.isFetching}
      data-testid={testId}
      h="100%"
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 240px' }}>
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {query.isPending ? (
        <Skeleton height={skeletonHeight} radius="md" />
      ) : query.isError && data === undefined ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : data === undefined || isEmpty?.(data) ? (
        <EmptyState
          size="sm"
          icon={<IconChartBarOff aria-hidden />}
          description={emptyText}
          py="xl"
          data-testid={`${testId}-empty`}
        />
      ) : (
        <div style={{ opacity: query.isFetching ? 0.6 : 1, transition: 'opacity 150ms' }}>{children(data)}</div>
      )}
    </Card>
  );
}

export interface LegendEntry {
  label: string;
  color: string;
  /** A lighter swatch, for series drawn translucent. */
  faded?: boolean;
}

export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  const theme = useMantineTheme();
  return (
    <Group component="ul" gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
      {entries.map((entry) => (
        <Group component="li" key={entry.label} gap={6} wrap="nowrap">
          <ColorSwatch
            color={getThemeColor(entry.color, theme)}
            size={12}
            withShadow={false}
            style={{ opacity: entry.faded ? 0.45 : 1 }}
          />
          <Text size="sm">{entry.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
