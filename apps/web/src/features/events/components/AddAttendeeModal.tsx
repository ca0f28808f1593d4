import { useState, type FormEvent } from 'react';
import type { Contact, PromotionEvent } from '@irm/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, notify } from '../../../shared/ui';
import { useAddAttendee } from '../hooks/use-events';
import { ContactPicker } from './ContactPicker';

/** Adds one person met at the event; their follow-up starts in the first stage of the event-contact pipeline. */
export function AddAttendeeModal({
  event,
  opened,
  onClose,
}: {
  event: PromotionEvent;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('events.attendees.addTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <AddAttendeeForm event={event} onDone={onClose} />}
    </Modal>
  );
}

function AddAttendeeForm({ event, onDone }: { event: PromotionEvent; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddAttendee(event.id);
  const [contact, setContact] = useState<Contact | null>(null);
  const [missing, setMissing] = useState(false);
  const duplicate = isApiError(add.error) && add.error.status === 409;
  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (!contact) {
      setMissing(true);
      return;
    }
    add.mutate(
      { contactId: contact.id },
      {
        onSuccess: (attendee) => {
          notify({ tone: 'success', message: t('events.attendees.addedNotice', { name: attendee.contactName }) });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="add-attendee-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('events.attendees.addHint')}
        </Text>
        {!duplicate && (
          <FormError error={add.error} title={t('events.attendees.addFailed')} shownFields={['contactId']} />
        )}
        <ContactPicker
          label={t('events.attendees.person')}
          placeholder={t('events.attendees.personPlaceholder')}
          value={contact}
          onChange={(next) => {
            setContact(next);
            setMissing(false);
            add.reset();
          }}
          error={
            missing
              ? t('events.attendees.personRequired')
              : duplicate
                ? t('events.attendees.alreadyAttending')
                : isApiError(add.error)
                  ? add.error.fieldError('contactId')
                  : undefined
          }
          data-testid="attendee-contact"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending} data-testid="attendee-submit">
            {t('events.attendees.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
