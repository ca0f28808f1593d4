import { Button, Card, EmptyState } from '@mantine/core';
import { IconArrowLeft, IconMapSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../shared/ui';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  usePageTitle(t('notFound.title'));
  return (
    <Card withBorder radius="lg" padding="xl" maw={640} mx="auto" mt="xl" data-testid="not-found">
      <EmptyState
        size="lg"
        icon={<IconMapSearch aria-hidden />}
        title={<h1 style={{ margin: 0, font: 'inherit' }}>{t('notFound.title')}</h1>}
        description={t('notFound.description', { path: pathname })}
      >
        <Button component={Link} to="/" leftSection={<IconArrowLeft size={18} aria-hidden />} mt="md">
          {t('notFound.back')}
        </Button>
      </EmptyState>
    </Card>
  );
}
