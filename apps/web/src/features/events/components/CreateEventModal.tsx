import type { Me } from '@irm/contracts';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notify } from '../../../shared/ui';
import { useCreateEvent } from '../hooks/use-events';
import { eventPath } from '../paths';
import { EventForm } from './EventForm';

export function CreateEventModal({ me, opened, onClose }: { me: Me; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEvent();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('events.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <EventForm
          me={me}
          data-testid="create-event-form"
          pending={create.isPending}
          error={create.error}
          errorTitle={t('events.createFailed')}
          submitLabel={t('events.createSubmit')}
          onCancel={close}
          onSubmit={(request) =>
            create.mutate(
              // The server makes the creator the owner; only a different owner needs saying.
              { ...request, ownerId: request.ownerId === me.id ? undefined : request.ownerId },
              {
                onSuccess: (event) => {
                  notify({ tone: 'success', message: t('events.createdNotice', { name: event.name }) });
                  close();
                  void navigate(eventPath(event.id));
                },
              },
            )
          }
        />
      )}
    </Modal>
  );
}
