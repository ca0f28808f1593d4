import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm, RETURN_TO_PARAM, safeReturnTo, useMe } from '../features/auth';
import { usePageTitle } from '../shared/ui';
import { AuthFrame } from './AuthFrame';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.pageTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get(RETURN_TO_PARAM));
  const me = useMe();

  // Someone already signed in (another tab, the back button) has nothing to do here.
  if (me.data) return <Navigate to={returnTo} replace />;

  return (
    <AuthFrame>
      <div>
        <Title order={1} fz={26}>
          {t('auth.login.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('auth.login.subtitle')}
        </Text>
      </div>
      <LoginForm onSignedIn={() => void navigate(returnTo, { replace: true })} />
      <Text size="sm" c="dimmed">
        {t('auth.login.help')}
      </Text>
    </AuthFrame>
  );
}
