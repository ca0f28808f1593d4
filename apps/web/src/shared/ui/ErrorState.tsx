import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request explained in words, with the one action a person can take: try again. */
export function ErrorState({ error, onRetry, retrying }: ErrorStateProps) {
  const { t } = useTranslation();
  const { title, detail, requestId } = describe(error, t);

  return (
    <Alert
      variant="light"
      color="red"
      radius="md"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="error-state"
    >
      <Stack gap="sm">
        {detail && <Text size="sm">{detail}</Text>}
        {requestId && (
          <Text size="xs" c="dimmed">
            {t('errors.requestId', { id: requestId })}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button
              variant="white"
              color="red"
              size="xs"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={onRetry}
              loading={retrying}
            >
              {t('errors.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

type ErrorKey = 'errors.loadFailed' | 'errors.network' | 'errors.forbidden' | 'errors.unexpected';

function describe(error: unknown, t: (key: ErrorKey) => string) {
  if (isApiError(error)) {
    if (error.isNetworkError) return { title: t('errors.loadFailed'), detail: t('errors.network') };
    if (error.status === 403) {
      return { title: t('errors.loadFailed'), detail: t('errors.forbidden'), requestId: error.problem.requestId };
    }
    const { title, detail, requestId } = error.problem;
    return { title: title || t('errors.loadFailed'), detail, requestId };
  }
  return { title: t('errors.loadFailed'), detail: t('errors.unexpected') };
}
