import type { ReactNode } from 'react';
import { Card, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface KpiCardProps {
  label: string;
  value: string | undefined;
  hint?: ReactNode;
  icon: Icon;
  color: string;
  testId: string;
}

/** One headline figure; a skeleton until its report arrives. */
export function KpiCard({ label, value, hint, icon: IconComponent, color, testId }: KpiCardProps) {
  return (
    <Card withBorder radius="lg" padding="md" shadow="xs" data-testid={testId}>
      <Stack gap={6}>
        <Group gap={8} wrap="nowrap">
          <ThemeIcon variant="light" color={color} size={28} radius="md">
            <IconComponent size={17} stroke={1.8} aria-hidden />
          </ThemeIcon>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} lts={0.3} lineClamp={1}>
            {label}
          </Text>
        </Group>
        {value === undefined ? (
          <Skeleton height={30} width={120} radius="sm" />
        ) : (
          <Text
            fz={{ base: 24, xl: 26 }}
            fw={700}
            lh={1.15}
            data-testid={`${testId}-value`}
            style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
          >
            {value}
          </Text>
        )}
        <Text size="sm" c="dimmed" lineClamp={1} mih={20}>
          {hint}
        </Text>
      </Stack>
    </Card>
  );
}
