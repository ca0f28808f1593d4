import type { ReactNode } from 'react';
import { Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../../../shared/api';
import { CenteredLoader, ErrorState } from '../../../shared/ui';
import { CurrentUserContext, useMe } from '../hooks/use-me';
import { loginPath } from '../utils/return-to';

/** Staff pages need a session: without one the person signs in first and comes back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  // Data wins over a later failed refetch; an ended session is handled centrally (session-expiry.ts).
  if (me.data) return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
  if (me.isError && isApiError(me.error) && me.error.status === 401) {
    return <Navigate to={loginPath(location)} replace />;
  }
  if (me.isError) {
    return (
      <Center mih="100dvh" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </Center>
    );
  }
  return <CenteredLoader label={t('auth.checkingSession')} />;
}
