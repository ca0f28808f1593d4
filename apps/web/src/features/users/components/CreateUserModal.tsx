import { useState, type FormEvent } from 'react';
import { LANGUAGES, MIN_PASSWORD_LENGTH, Role, type CreateUserRequest, type Language } from '@irm/contracts';
import { Button, Group, Modal, PasswordInput, Radio, Select, Stack, TextInput } from '@mantine/core';
import { IconSend, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, notify, passwordRuleMessage } from '../../../shared/ui';
import { useCreateUser } from '../hooks/use-users';
import { isRole, roleOptions } from './role-options';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS = ['email', 'name', 'role', 'language', 'password'] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;
/** An invitation lets the person choose their own password; typing one for them is the exception. */
type Access = 'invite' | 'password';

interface Values {
  email: string;
  name: string;
  role: Role;
  language: Language;
  password: string;
}

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

function isLanguage(value: string | null): value is Language {
  return (LANGUAGES as readonly (string | null)[]).includes(value);
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateUser();
  const [access, setAccess] = useState<Access>('invite');
  const [values, setValues] = useState<Values>({ email: '', name: '', role: Role.Staff, language: 'vi', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = <K extends Field>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = values.email.trim();
    const name = values.name.trim();
    const found: FieldErrors = {
      email: !email
        ? t('auth.login.emailRequired')
        : EMAIL_PATTERN.test(email)
          ? undefined
          : t('auth.login.emailInvalid'),
      name: name ? undefined : t('users.nameRequired'),
      password:
        access === 'invite' || values.password.length >= MIN_PASSWORD_LENGTH
          ? undefined
          : t('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const request: CreateUserRequest = {
      email,
      name,
      role: values.role,
      language: values.language,
      ...(access === 'invite' ? { invite: true } : { password: values.password }),
    };
    create.mutate(request, {
      onSuccess: (user) => {
        notify({
          tone: 'success',
          message:
            access === 'invite'
              ? t('users.invitedNotice', { name: user.name, email: user.email })
              : t('users.createdNotice', { name: user.name }),
        });
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
        <Group grow align="flex-start" gap="sm">
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
          <Select
            label={t('users.language')}
            required
            allowDeselect={false}
            data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
            value={values.language}
            onChange={(value) => isLanguage(value) && set('language', value)}
            error={errors.language}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Radio.Group
          label={t('users.access')}
          value={access}
          onChange={(value) => {
            setAccess(value === 'password' ? 'password' : 'invite');
            setErrors((current) => ({ ...current, password: undefined }));
          }}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="invite" label={t('users.accessInvite')} description={t('users.inviteHint')} />
            <Radio value="password" label={t('users.accessPassword')} />
          </Stack>
        </Radio.Group>
        {access === 'password' && (
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
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={create.isPending}
            leftSection={
              access === 'invite' ? <IconSend size={18} aria-hidden /> : <IconUserPlus size={18} aria-hidden />
            }
          >
            {access === 'invite' ? t('users.createAndInvite') : t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
