import type { CheckStatus, HealthResponse } from '@irm/contracts';
import { Badge, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSystemHealth } from '../hooks/use-system-health';

type Status = 'ok' | 'degraded' | 'unreachable' | 'checking';

const STATUS_COLOR: Record<Status, string> = {
  ok: 'teal',
  degraded: 'orange',
  unreachable: 'red',
  checking: 'gray',
};

/** Small status indicator; details of each dependency open on click for people who need them. */
export function SystemHealthBadge() {
  const { t } = useTranslation();
  const health = useSystemHealth();
  const status: Status = health.data
    ? health.data.status === 'ok'
      ? 'ok'
      : 'degraded'
    : health.isError
      ? 'unreachable'
      : 'checking';
  const label = t(`health.${status}`);

  return (
    <Popover position="bottom-end" withArrow shadow="md" width={260}>
      <Popover.Target>
        <UnstyledButton aria-label={`${t('health.label')}: ${label}`} data-testid="health-badge" data-status={status}>
          <Badge
            variant="dot"
            color={STATUS_COLOR[status]}
            size="lg"
            radius="sm"
            tt="none"
            fw={500}
            style={{ cursor: 'pointer' }}
          >
            <Text span inherit visibleFrom="xs">
              {label}
            </Text>
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb="xs">
          {t('health.label')}
        </Text>
        {health.data ? (
          <HealthChecks checks={health.data.checks} />
        ) : (
          <Text size="sm" c="dimmed">
            {health.isError ? t('health.serverUnreachable') : t('health.checking')}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function HealthChecks({ checks }: { checks: HealthResponse['checks'] }) {
  const { t } = useTranslation();
  const rows: [string, CheckStatus][] = [
    [t('health.database'), checks.database],
    [t('health.redis'), checks.redis],
  ];
  return (
    <Stack gap={6}>
      {rows.map(([name, state]) => (
        <Group key={name} justify="space-between" gap="xs">
          <Text size="sm">{name}</Text>
          <Badge variant="light" color={state === 'up' ? 'teal' : 'red'} size="sm">
            {t(`health.${state}`)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
