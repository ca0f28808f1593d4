import { AccountTokenPurpose } from '@irm/contracts';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  AccountLinkProblem,
  isLinkProblem,
  LOGIN_PATH,
  SetPasswordForm,
  useAccountToken,
  useConfirmPasswordReset,
} from '../features/auth';
import { useFormatters } from '../shared/i18n';
import { usePageTitle } from '../shared/ui';
import { AuthFrame, CheckingLink } from './AuthFrame';

/** Where a reset email's link leads: a new password, typed twice; then the person signs in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.reset.pageTitle'));
  const { token = '' } = useParams();
  const link = useAccountToken(token);
  const confirm = useConfirmPasswordReset();
  const format = useFormatters();

  if (confirm.isSuccess) {
    return (
      <AuthFrame>
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('auth.reset.doneTitle')}
          role="status"
          data-testid="password-reset-done"
        >
          {t('auth.reset.done')}
        </Alert>
        <Button component={Link} to={LOGIN_PATH} size="md" replace>
          {t('auth.reset.signIn')}
        </Button>
      </AuthFrame>
    );
  }
  if (link.isPending) return <CheckingLink label={t('auth.reset.loading')} />;
  const data = link.data;
  if (!data || data.purpose !== AccountTokenPurpose.PasswordReset || isLinkProblem(confirm.error)) {
    // A link of the other kind is as unknown here as a made-up one (null).
    const error = link.isError ? link.error : isLinkProblem(confirm.error) ? confirm.error : null;
    return (
      <AuthFrame>
        <AccountLinkProblem error={error} purpose="reset" onRetry={() => void link.refetch()} />
      </AuthFrame>
    );
  }

  const { email, expiresAt } = data;
  return (
    <AuthFrame>
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('auth.reset.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('auth.reset.subtitle', { email })}
        </Text>
        <Text c="dimmed" size="xs">
          {t('auth.reset.expires', { date: format.dateTime(expiresAt) })}
        </Text>
      </Stack>
      <SetPasswordForm
        email={email}
        submitLabel={t('auth.reset.submit')}
        failedTitle={t('auth.reset.failed')}
        pending={confirm.isPending}
        error={confirm.error}
        onSubmit={(password) => confirm.mutateAsync({ token, password })}
      />
    </AuthFrame>
  );
}
