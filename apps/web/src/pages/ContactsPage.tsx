import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth';
import { ContactsList } from '../features/contacts';
import { usePageTitle } from '../shared/ui';

export function ContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('contacts.title'));
  return <ContactsList me={useCurrentUser()} />;
}
