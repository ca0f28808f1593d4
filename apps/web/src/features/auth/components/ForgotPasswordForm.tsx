import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconMailCheck, IconSend } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useRequestPasswordReset } from '../hooks/use-account-links';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SECONDS_PER_MINUTE = 60;

/**
 * Asks for a reset link. The answer is the same whether or not an account uses the address, so the page
 * says the same too: it never tells who has an account.
 */
export function ForgotPasswordForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState(initialEmail);
  const [fieldError, setFieldError] = useState<string>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (request.isPending) return;
    const trimmed = email.trim();
    const problem = !trimmed
      ? t('auth.login.emailRequired')
      : EMAIL_PATTERN.test(trimmed)
        ? undefined
        : t('auth.login.emailInvalid');
    setFieldError(problem);
    if (problem) {
      emailRef.current?.focus();
      return;
    }
    request.mutate(trimmed, { onSuccess: () => setSentTo(trimmed) });
  };

  if (sentTo) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconMailCheck aria-hidden />}
        title={t('auth.forgot.sentTitle')}
        role="status"
        data-testid="reset-requested"
      >
        <Stack gap="xs">
          <Text size="sm">{t('auth.forgot.sent', { email: sentTo })}</Text>
          <Text size="sm">{t('auth.forgot.sentHint')}</Text>
        </Stack>
      </Alert>
    );
  }

  const failure = request.isError ? describeFailure(request.error, t) : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.forgot.title')} data-testid="forgot-password-form">
      <Stack gap="md">
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          ref={emailRef}
          label={t('auth.login.email')}
          placeholder={t('auth.login.emailPlaceholder')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          required
          autoFocus
          size="md"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            if (fieldError) setFieldError(undefined);
          }}
          error={fieldError}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={request.isPending}
          leftSection={<IconSend size={18} aria-hidden />}
        >
          {t('auth.forgot.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function describeFailure(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 429) {
    return error.retryAfterSeconds === undefined
      ? t('auth.forgot.throttledNoDelay')
      : t('auth.forgot.throttled', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / SECONDS_PER_MINUTE)) });
  }
  return t('errors.unexpected');
}
