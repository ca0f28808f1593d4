import { useTranslation } from 'react-i18next';
import { ImportWizard } from '../features/imports';
import { usePageTitle } from '../shared/ui';

export function NewImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.newTitle'));
  return <ImportWizard />;
}
