import { useTranslation } from 'react-i18next';
import { ZonesList } from '../features/zones';
import { usePageTitle } from '../shared/ui';

export function ZonesPage() {
  const { t } = useTranslation();
  usePageTitle(t('zones.title'));
  return <ZonesList />;
}
