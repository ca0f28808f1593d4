import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ImportRecord } from '../features/imports';
import { usePageTitle } from '../shared/ui';

export function ImportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  return <ImportRecord key={id} id={id} />;
}
