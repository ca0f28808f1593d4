import { useTranslation } from 'react-i18next';
import { LandBankOverview } from '../features/land-bank';
import { PageHeader, usePageTitle } from '../shared/ui';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description')} />
      <LandBankOverview />
    </>
  );
}
