import { useTranslation } from 'react-i18next';
import { DuplicatesReport } from '../features/duplicates';
import { usePageTitle } from '../shared/ui';

export function DuplicatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('duplicates.title'));
  return <DuplicatesReport />;
}
