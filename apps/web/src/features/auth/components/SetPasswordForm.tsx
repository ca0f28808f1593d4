import { useState, type ChangeEvent, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@irm/contracts';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, passwordRuleMessage } from '../../../shared/ui';

interface SetPasswordFormProps {
  /** The account's email, given to password managers so they store the new password under it. */
  email: string;
  submitLabel: string;
  failedTitle: string;
  pending: boolean;
  /** The last failed attempt, for what the fields do not show. */
  error: unknown;
  /** Rejects with the API's error when the password is refused; its rule message is shown under the field. */
  onSubmit: (password: string) => Promise<unknown>;
}

/** A new password typed twice, checked here for length and match, and by the server's policy. */
export function SetPasswordForm({ email, submitLabel, failedTitle, pending, error, onSubmit }: SetPasswordFormProps) {
  const { t, i18n } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});

  const change = (field: 'password' | 'confirm') => (event: ChangeEvent<HTMLInputElement>) => {
    (field === 'password' ? setPassword : setConfirm)(event.currentTarget.value);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = {
      password:
        password.length >= MIN_PASSWORD_LENGTH ? undefined : t('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
      confirm: confirm === password ? undefined : t('password.mismatch'),
    };
    setErrors(found);
    if (found.password || found.confirm) return;
    onSubmit(password).catch((failure: unknown) => {
      if (isApiError(failure) && failure.fieldError('password')) {
        setErrors({ password: passwordRuleMessage(failure.fieldError('password'), t, i18n.language) });
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="set-password-form">
      <Stack gap="md">
        <FormError error={error} title={failedTitle} shownFields={['password']} />
        {/* Hidden from view, not from password managers: they pair the new password with this account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label={t('password.new')}
          name="new-password"
          autoComplete="new-password"
          required
          autoFocus
          size="md"
          value={password}
          onChange={change('password')}
          error={errors.password}
          description={t('password.rules', { min: MIN_PASSWORD_LENGTH })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <PasswordInput
          label={t('password.confirm')}
          name="confirm-password"
          autoComplete="new-password"
          required
          size="md"
          value={confirm}
          onChange={change('confirm')}
          error={errors.confirm}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          mt="xs"
          loading={pending}
          leftSection={<IconKey size={18} aria-hidden />}
        >
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
