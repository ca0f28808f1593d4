import { useTranslation } from 'react-i18next';
import { ApiTokensPanel } from '../features/auth';
import { PageHeader, usePageTitle } from '../shared/ui';

export function ApiTokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('tokens.title'));
  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <ApiTokensPanel />
    </>
  );
}
