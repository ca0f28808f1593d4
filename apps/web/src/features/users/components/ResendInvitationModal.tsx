import type { User } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { ConfirmModal, FormError, notify } from '../../../shared/ui';
import { isStaleVersion, useResendInvitation } from '../hooks/use-users';

/** Confirms sending a new invitation to someone who has not chosen a password yet. */
export function ResendInvitationModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const resend = useResendInvitation();
  const close = () => {
    resend.reset();
    onClose();
  };

  return (
    <ConfirmModal
      opened={user !== null}
      title={t('users.resendTitle')}
      message={t('users.resendConfirm', { name: user?.name ?? '', email: user?.email ?? '' })}
      confirmLabel={t('users.resendInvitation')}
      pending={resend.isPending}
      onClose={close}
      onConfirm={() =>
        user &&
        resend.mutate(user, {
          onSuccess: (updated) => {
            notify({ tone: 'success', message: t('users.resentNotice', { email: updated.email }) });
            close();
          },
          onError: (error) => {
            // The reloaded row may no longer be pending: let the person look before acting again.
            if (isStaleVersion(error)) {
              notify({ tone: 'warning', message: t('users.staleVersion') });
              close();
            }
          },
        })
      }
    >
      {!isStaleVersion(resend.error) && <FormError error={resend.error} title={t('users.resendFailed')} />}
    </ConfirmModal>
  );
}
