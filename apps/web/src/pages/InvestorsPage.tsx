import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth';
import { OrganizationsList } from '../features/organizations';
import { usePageTitle } from '../shared/ui';

export function InvestorsPage() {
  const { t } = useTranslation();
  usePageTitle(t('investors.title'));
  return <OrganizationsList me={useCurrentUser()} />;
}
