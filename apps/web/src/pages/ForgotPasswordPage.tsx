import { Anchor, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ForgotPasswordForm, LOGIN_PATH, type ForgotPasswordState } from '../features/auth';
import { usePageTitle } from '../shared/ui';
import { AuthFrame } from './AuthFrame';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgot.pageTitle'));
  const state = useLocation().state as ForgotPasswordState | null;
  return (
    <AuthFrame>
      <div>
        <Title order={1} fz={26}>
          {t('auth.forgot.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('auth.forgot.subtitle')}
        </Text>
      </div>
      <ForgotPasswordForm initialEmail={state?.email ?? ''} />
      <Anchor
        component={Link}
        to={LOGIN_PATH}
        size="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('auth.forgot.backToSignIn')}
      </Anchor>
    </AuthFrame>
  );
}
