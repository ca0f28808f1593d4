import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth';
import { EventsList } from '../features/events';
import { usePageTitle } from '../shared/ui';

export function EventsPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.title'));
  return <EventsList me={useCurrentUser()} />;
}
