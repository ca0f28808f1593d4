import { useTranslation } from 'react-i18next';
import { ProfileSettings } from '../features/auth';
import { PageHeader, usePageTitle } from '../shared/ui';

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <ProfileSettings />
    </>
  );
}
