import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, Role, type CreateUserRequest } from '@irm/contracts';
import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, notify, passwordRuleMessage } from '../../../shared/ui';
import { useCreateUser } from '../hooks/use-users';
import { isRole, roleOptions } from './role-options';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS = ['email', 'name', 'role', 'password'] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.createTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CreateUserForm onDone={onClose} />}
    </Modal>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateUser();
  const [values, setValues] = useState<CreateUserRequest>({ email: '', name: '', role: Role.Staff, password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = <K extends Field>(field: K, value: CreateUserRequest[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = { ...values, email: values.email.trim(), name: values.name.trim() };
    const found: FieldErrors = {
      email: !request.email
        ? t('auth.login.emailRequired')
        : EMAIL_PATTERN.test(request.email)
          ? undefined
          : t('auth.login.emailInvalid'),
      name: request.name ? undefined : t('users.nameRequired'),
      password:
        request.password.length >= MIN_PASSWORD_LENGTH
          ? undefined
          : t('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    create.mutate(request, {
      onSuccess: (user) => {
        notify({ tone: 'success', message: t('users.createdNotice', { name: user.name }) });
        onDone();
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const fromServer: FieldErrors = {};
        for (const field of FIELDS) fromServer[field] = error.fieldError(field);
        fromServer.password = passwordRuleMessage(fromServer.password, t, i18n.language);
        if (error.status === 409) fromServer.email = t('users.emailTaken');
        setErrors(fromServer);
      },
    });
  };

  const duplicate = isApiError(create.error) && create.error.status === 409;

  return (
    <form onSubmit={submit} noValidate data-testid="create-user-form">
      <Stack gap="md">
        {!duplicate && <FormError error={create.error} title={t('users.createFailed')} shownFields={FIELDS} />}
        <TextInput
          label={t('common.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          data-autofocus
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label={t('common.name')}
          autoComplete="off"
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label={t('common.role')}
          required
          allowDeselect={false}
          data={roleOptions(t)}
          value={values.role}
          onChange={(value) => isRole(value) && set('role', value)}
          error={errors.role}
          comboboxProps={{ withinPortal: true }}
        />
        <PasswordInput
          label={t('users.initialPassword')}
          autoComplete="new-password"
          required
          value={values.password}
          onChange={(event) => set('password', event.currentTarget.value)}
          error={errors.password}
          description={t('users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
