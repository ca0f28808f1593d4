import { useRef, useState, type FormEvent } from 'react';
import type { Me } from '@irm/contracts';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconLogin2 } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';
import { useLogin } from '../hooks/use-session';
import { FORGOT_PASSWORD_PATH, type ForgotPasswordState } from '../utils/return-to';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SECONDS_PER_MINUTE = 60;

interface FieldErrors {
  email?: string;
  password?: string;
}

export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const signIn = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const errors = validate(email, password, t);
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: ({ user }) => onSignedIn(user),
        onError: (error) => {
          if (isApiError(error) && error.status === 401) {
            setPassword('');
            passwordRef.current?.focus();
          }
          if (isApiError(error)) {
            setFieldErrors({ email: error.fieldError('email'), password: error.fieldError('password') });
          }
        },
      },
    );
  };

  const failure = signIn.isError ? describeFailure(signIn.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.login.title')} data-testid="login-form">
      <Stack gap="md">
        {failure && (
          <Alert
            color="red"
            variant="light"
            title={t('auth.login.failedTitle')}
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            data-testid="login-error"
          >
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
            if (fieldErrors.email) setFieldErrors({ ...fieldErrors, email: undefined });
          }}
          error={fieldErrors.email}
        />
        <PasswordInput
          ref={passwordRef}
          label={t('auth.login.password')}
          name="password"
          autoComplete="current-password"
          required
          size="md"
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            if (fieldErrors.password) setFieldErrors({ ...fieldErrors, password: undefined });
          }}
          error={fieldErrors.password}
        />
        <Group justify="flex-end" mt={-8}>
          <Anchor
            component={Link}
            to={FORGOT_PASSWORD_PATH}
            // What was typed as the email saves typing it again.
            state={{ email: email.trim() } satisfies ForgotPasswordState}
            size="sm"
            data-testid="forgot-password-link"
          >
            {t('auth.login.forgotPassword')}
          </Anchor>
        </Group>
        <Button
          type="submit"
          size="md"
          fullWidth
          mt="xs"
          loading={signIn.isPending}
          disabled={signIn.isPending}
          leftSection={<IconLogin2 size={20} aria-hidden />}
        >
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function validate(email: string, password: string, t: TFunction): FieldErrors {
  const trimmed = email.trim();
  return {
    email: !trimmed
      ? t('auth.login.emailRequired')
      : EMAIL_PATTERN.test(trimmed)
        ? undefined
        : t('auth.login.emailInvalid'),
    password: password ? undefined : t('auth.login.passwordRequired'),
  };
}

function describeFailure(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 401) return t('auth.login.invalidCredentials');
  if (error.status === 429) {
    return error.retryAfterSeconds === undefined
      ? t('auth.login.throttledNoDelay')
      : t('auth.login.throttled', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / SECONDS_PER_MINUTE)) });
  }
  return error.problem.detail ?? error.problem.title;
}
