import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth';
import { UsersAdmin } from '../features/users';
import { usePageTitle } from '../shared/ui';

export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const me = useCurrentUser();
  return <UsersAdmin currentUserId={me.id} />;
}
