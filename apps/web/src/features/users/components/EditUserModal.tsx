import { useState, type FormEvent } from 'react';
import type { User } from '@irm/contracts';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { IconRefreshAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, notify } from '../../../shared/ui';
import { isStaleVersion, useUpdateUser, type UserChange } from '../hooks/use-users';
import { isRole, roleOptions } from './role-options';

interface EditUserModalProps {
  /** The latest copy of the row being edited (it changes when the list reloads), or null when closed. */
  user: User | null;
  isSelf: boolean;
  onClose: () => void;
}

export function EditUserModal({ user, isSelf, onClose }: EditUserModalProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const close = () => {
    update.reset();
    onClose();
  };
  const stale = isStaleVersion(update.error);

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t('users.editTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {user && (
        <Stack gap="md">
          {stale && (
            <Alert color="orange" variant="light" icon={<IconRefreshAlert aria-hidden />} role="alert">
              {t('users.staleVersion')}
            </Alert>
          )}
          {/* Keyed by version: when someone else's change is loaded, the fields show it. */}
          <EditUserForm
            key={`${user.id}:${user.version}`}
            user={user}
            isSelf={isSelf}
            pending={update.isPending}
            error={stale ? null : update.error}
            onCancel={close}
            onSubmit={(change) =>
              update.mutate(change, {
                onSuccess: (updated) => {
                  notify({ tone: 'success', message: t('users.savedNotice', { name: updated.name }) });
                  close();
                },
              })
            }
          />
        </Stack>
      )}
    </Modal>
  );
}

interface EditUserFormProps {
  user: User;
  isSelf: boolean;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (change: UserChange) => void;
}

function EditUserForm({ user, isSelf, pending, error, onCancel, onSubmit }: EditUserFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState(user.role);
  const [nameError, setNameError] = useState<string>();
  const serverNameError = isApiError(error) ? error.fieldError('name') : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('users.nameRequired'));
      return;
    }
    const changes: UserChange['changes'] = {};
    if (trimmed !== user.name) changes.name = trimmed;
    if (role !== user.role) changes.role = role;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    onSubmit({ user, changes });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="edit-user-form">
      <Stack gap="md">
        <FormError error={error} title={t('users.saveFailed')} shownFields={['name', 'role']} />
        <TextInput label={t('common.email')} value={user.email} readOnly variant="filled" />
        <TextInput
          label={t('common.name')}
          required
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameError(undefined);
          }}
          error={nameError ?? serverNameError}
        />
        <Select
          label={t('common.role')}
          allowDeselect={false}
          data={roleOptions(t)}
          value={role}
          onChange={(value) => isRole(value) && setRole(value)}
          disabled={isSelf}
          description={isSelf ? t('users.selfHint') : undefined}
          error={isApiError(error) ? error.fieldError('role') : undefined}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
