import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { UnsubscribePanel } from '../features/emails';
import { usePageTitle } from '../shared/ui';

/** Public: reached from the link in an investor's email, without signing in. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  usePageTitle(t('unsubscribe.pageTitle'));
  const { token = '' } = useParams();
  return <UnsubscribePanel token={token} />;
}
