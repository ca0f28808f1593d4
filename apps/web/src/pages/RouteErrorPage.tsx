import { Button, Center, EmptyState } from '@mantine/core';
import { IconAlertTriangle, IconReload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Last resort when rendering itself crashed, so the shell may be gone too: keep it self-contained. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md">
      <EmptyState
        size="lg"
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        title={<h1 style={{ margin: 0, font: 'inherit' }}>{t('routeError.title')}</h1>}
        description={t('routeError.description')}
      >
        <Button leftSection={<IconReload size={18} aria-hidden />} onClick={() => window.location.reload()} mt="md">
          {t('routeError.reload')}
        </Button>
      </EmptyState>
    </Center>
  );
}
