import { AccountTokenPurpose } from '@irm/contracts';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  AccountLinkProblem,
  isLinkProblem,
  SetPasswordForm,
  useAcceptInvitation,
  useAccountToken,
} from '../features/auth';
import { useFormatters } from '../shared/i18n';
import { usePageTitle } from '../shared/ui';
import { AuthFrame, CheckingLink } from './AuthFrame';

/** Where an invitation email's link leads: the invitee chooses a password and is signed in. */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.invitation.pageTitle'));
  const { token = '' } = useParams();
  const link = useAccountToken(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const format = useFormatters();

  if (link.isPending) return <CheckingLink label={t('auth.invitation.loading')} />;
  const data = link.data;
  if (!data || data.purpose !== AccountTokenPurpose.Invitation || isLinkProblem(accept.error)) {
    // A link of the other kind is as unknown here as a made-up one (null).
    const error = link.isError ? link.error : isLinkProblem(accept.error) ? accept.error : null;
    return (
      <AuthFrame>
        <AccountLinkProblem error={error} purpose="invitation" onRetry={() => void link.refetch()} />
      </AuthFrame>
    );
  }

  const { name, email, expiresAt } = data;
  return (
    <AuthFrame>
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('auth.invitation.title', { name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t('auth.invitation.subtitle', { email })}
        </Text>
        <Text c="dimmed" size="xs">
          {t('auth.invitation.expires', { date: format.dateTime(expiresAt) })}
        </Text>
      </Stack>
      <SetPasswordForm
        email={email}
        submitLabel={t('auth.invitation.submit')}
        failedTitle={t('auth.invitation.failed')}
        pending={accept.isPending}
        error={accept.error}
        onSubmit={(password) =>
          accept.mutateAsync({ token, password }).then(() => void navigate('/', { replace: true }))
        }
      />
    </AuthFrame>
  );
}
