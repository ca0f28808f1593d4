import { MANAGER_REMINDER_KINDS, REMINDER_KINDS, Role, type ReminderKind } from '@irm/contracts';
import { Card, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useCurrentUser } from '../hooks/use-me';
import { useNotificationSettings, useUpdateNotificationSetting } from '../hooks/use-notification-settings';

/** One switch per reminder kind; each change is saved at once. Staff do not see the kinds only managers get. */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSetting();
  const kinds = REMINDER_KINDS.filter((kind) => me.role !== Role.Staff || !MANAGER_REMINDER_KINDS.includes(kind));

  const change = (kind: ReminderKind, on: boolean) => {
    if (!settings.data) return;
    const label = t(`notifications.kinds.${kind}.label`);
    update.mutate(
      { settings: settings.data, kind, on },
      {
        onSuccess: () =>
          notify({ tone: 'success', message: t(on ? 'notifications.on' : 'notifications.off', { kind: label }) }),
        onError: (error) =>
          notify(
            isStaleVersion(error)
              ? { tone: 'warning', message: t('notifications.stale') }
              : { tone: 'error', message: t('notifications.saveFailed') },
          ),
      },
    );
  };

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="profile-notifications">
      <Title order={2} fz="lg" id="profile-notifications" mb="xs">
        {t('notifications.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('notifications.hint')}
      </Text>
      {settings.isPending ? (
        <Stack gap="md" aria-busy="true">
          {kinds.map((kind) => (
            <Skeleton key={kind} height={36} />
          ))}
        </Stack>
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />
      ) : (
        <Stack gap="md" data-testid="notification-settings">
          {kinds.map((kind) => {
            // Shown as chosen while it is being saved.
            const pending = update.isPending && update.variables.kind === kind;
            return (
              <Switch
                key={kind}
                checked={pending ? update.variables.on : settings.data.kinds[kind]}
                onChange={(event) => change(kind, event.currentTarget.checked)}
                disabled={update.isPending || settings.isFetching}
                label={t(`notifications.kinds.${kind}.label`)}
                description={t(`notifications.kinds.${kind}.description`)}
                size="md"
                data-testid={`notification-${kind}`}
              />
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
