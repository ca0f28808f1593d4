import { useTranslation } from 'react-i18next';
import { FailedEmailsAdmin } from '../features/emails';
import { usePageTitle } from '../shared/ui';

export function FailedEmailsPage() {
  const { t } = useTranslation();
  usePageTitle(t('emails.failed.title'));
  return <FailedEmailsAdmin />;
}
