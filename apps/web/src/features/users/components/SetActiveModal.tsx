import type { User } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { ConfirmModal, FormError, notify } from '../../../shared/ui';
import { isStaleVersion, useUpdateUser } from '../hooks/use-users';

/** Confirms deactivating (or reactivating) an account; the row's `version` makes a concurrent change fail safely. */
export function SetActiveModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const deactivating = user?.active ?? true;
  const close = () => {
    update.reset();
    onClose();
  };

  return (
    <ConfirmModal
      opened={user !== null}
      title={deactivating ? t('users.deactivateTitle') : t('users.reactivateTitle')}
      message={
        deactivating
          ? t('users.deactivateConfirm', { name: user?.name ?? '' })
          : t('users.reactivateConfirm', { name: user?.name ?? '' })
      }
      confirmLabel={deactivating ? t('users.deactivate') : t('users.reactivate')}
      destructive={deactivating}
      pending={update.isPending}
      onClose={close}
      onConfirm={() =>
        user &&
        update.mutate(
          { user, changes: { active: !user.active } },
          {
            onSuccess: (updated) => {
              notify({
                tone: 'success',
                message: updated.active
                  ? t('users.reactivatedNotice', { name: updated.name })
                  : t('users.deactivatedNotice', { name: updated.name }),
              });
              close();
            },
            onError: (error) => {
              // The reloaded row may already be in the wanted state: let the person look before acting again.
              if (isStaleVersion(error)) {
                notify({ tone: 'warning', message: t('users.staleVersion') });
                close();
              }
            },
          },
        )
      }
    >
      {!isStaleVersion(update.error) && <FormError error={update.error} title={t('users.saveFailed')} />}
    </ConfirmModal>
  );
}
