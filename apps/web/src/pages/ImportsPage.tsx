import { useTranslation } from 'react-i18next';
import { ImportsList } from '../features/imports';
import { usePageTitle } from '../shared/ui';

export function ImportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  return <ImportsList />;
}
