import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page }));
}
