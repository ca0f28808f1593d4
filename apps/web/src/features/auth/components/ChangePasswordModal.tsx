import { useState, type ChangeEvent, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@irm/contracts';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, notify, passwordRuleMessage } from '../../../shared/ui';
import { useChangePassword } from '../hooks/use-profile';

const SERVER_FIELDS = ['currentPassword', 'newPassword'] as const;

interface PasswordFields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

type PasswordErrors = Partial<Record<keyof PasswordFields, string>>;

const EMPTY: PasswordFields = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('password.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted only while open, so a reopened dialog never shows the previous passwords. */}
      {opened && <ChangePasswordForm onDone={onClose} />}
    </Modal>
  );
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<PasswordFields>(EMPTY);
  const [errors, setErrors] = useState<PasswordErrors>({});

  const set = (field: keyof PasswordFields) => (event: ChangeEvent<HTMLInputElement>) => {
    setValues({ ...values, [field]: event.currentTarget.value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: PasswordErrors = {
      currentPassword: values.currentPassword ? undefined : t('password.currentRequired'),
      newPassword:
        values.newPassword.length >= MIN_PASSWORD_LENGTH
          ? undefined
          : t('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
      confirmPassword: values.confirmPassword === values.newPassword ? undefined : t('password.mismatch'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notify({ tone: 'success', message: t('password.changed') });
          onDone();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          setErrors({
            currentPassword: error.fieldError('currentPassword') && t('password.currentWrong'),
            newPassword: passwordRuleMessage(error.fieldError('newPassword'), t, i18n.language),
          });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Stack gap="md">
        <FormError error={change.error} title={t('password.failed')} shownFields={SERVER_FIELDS} />
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          data-autofocus
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
        />
        <PasswordInput
          label={t('password.new')}
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
          description={t('password.rules', { min: MIN_PASSWORD_LENGTH })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          value={values.confirmPassword}
          onChange={set('confirmPassword')}
          error={errors.confirmPassword}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
