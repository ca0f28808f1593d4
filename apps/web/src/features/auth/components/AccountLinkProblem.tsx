import { AccountLinkProblem as LinkProblemCode } from '@irm/contracts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';
import { FORGOT_PASSWORD_PATH, LOGIN_PATH } from '../utils/return-to';

type Kind = 'invalid' | 'expired' | 'used' | 'replaced' | 'network' | 'unexpected';

/** Whether an answer means the link itself cannot be used (unknown, expired, used, replaced). */
export function isLinkProblem(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 410);
}

function kindOf(error: unknown): Kind {
  if (error === null) return 'invalid';
  if (!isApiError(error)) return 'unexpected';
  if (error.isNetworkError) return 'network';
  if (error.status === 404) return 'invalid';
  switch (error.code) {
    case LinkProblemCode.Expired:
      return 'expired';
    case LinkProblemCode.Replaced:
      return 'replaced';
    case LinkProblemCode.Used:
      return 'used';
    default:
      return 'unexpected';
  }
}

interface AccountLinkProblemProps {
  /** The API's answer; null for a link the page itself found not to be of its kind. */
  error: unknown;
  purpose: 'invitation' | 'reset';
  /** Offered for a failure that may pass (network). */
  onRetry?: () => void;
}

/** Why an invitation or reset link cannot be used, and what the person can do instead. */
export function AccountLinkProblem({ error, purpose, onRetry }: AccountLinkProblemProps) {
  const { t } = useTranslation();
  const kind = kindOf(error);
  const transient = kind === 'network' || kind === 'unexpected';
  const title = transient ? t('accountLink.unavailableTitle') : t(`accountLink.${kind}Title`);
  const message = transient
    ? t(kind === 'network' ? 'errors.network' : 'errors.unexpected')
    : t(`accountLink.${purpose}.${kind}`);

  return (
    <Stack gap="md" data-testid="account-link-problem" data-kind={kind}>
      <Alert
        color={transient ? 'red' : 'orange'}
        variant="light"
        icon={<IconLinkOff aria-hidden />}
        title={title}
        role="alert"
      >
        <Text size="sm">{message}</Text>
      </Alert>
      {transient && onRetry && (
        <Button variant="default" leftSection={<IconRefresh size={18} aria-hidden />} onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
      {purpose === 'reset' && !transient && (
        <Button component={Link} to={FORGOT_PASSWORD_PATH}>
          {t('accountLink.requestNew')}
        </Button>
      )}
      <Button component={Link} to={LOGIN_PATH} variant={purpose === 'reset' && !transient ? 'default' : 'filled'}>
        {t('accountLink.toSignIn')}
      </Button>
    </Stack>
  );
}
