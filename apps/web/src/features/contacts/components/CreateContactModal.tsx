import type { CreateContactRequest, Me } from '@irm/contracts';
import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notify } from '../../../shared/ui';
import { confirmableDuplicates, DuplicatePrompt } from '../../records';
import { useContactOwnerChoices } from '../hooks/use-contact-owner-choices';
import { useCreateContact } from '../hooks/use-contacts';
import { contactPath } from '../paths';
import { ContactForm } from './ContactForm';
import type { OrganizationChoice } from './OrganizationPicker';

interface CreateContactModalProps {
  me: Me;
  opened: boolean;
  onClose: () => void;
  /** When adding from an investor's page: that investor, already chosen. */
  organization?: OrganizationChoice;
  /** Open the new record afterwards (from the list), or stay where the person is (from an investor). */
  openRecord?: boolean;
}

export function CreateContactModal({ me, opened, onClose, organization, openRecord = true }: CreateContactModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('contacts.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CreateContactForm me={me} organization={organization} openRecord={openRecord} onDone={onClose} />}
    </Modal>
  );
}

function CreateContactForm({
  me,
  organization,
  openRecord,
  onDone,
}: {
  me: Me;
  organization?: OrganizationChoice;
  openRecord: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContact();
  const owners = useContactOwnerChoices(me);
  const [submitted, setSubmitted] = useState<CreateContactRequest | null>(null);
  const candidates = confirmableDuplicates(create.error);
  const submit = (request: CreateContactRequest, confirmDuplicate = false) => {
    setSubmitted(request);
    create.mutate(
      // The server makes the creator the owner; only a different owner needs saying.
      { request: { ...request, ownerId: request.ownerId === me.id ? undefined : request.ownerId }, confirmDuplicate },
      {
        onSuccess: (contact) => {
          notify({ tone: 'success', message: t('contacts.createdNotice', { name: contact.fullName }) });
          onDone();
          if (openRecord) void navigate(contactPath(contact.id));
        },
      },
    );
  };
  return (
    <Stack>
      {candidates && submitted && (
        <DuplicatePrompt
          candidates={candidates}
          pathOf={contactPath}
          pending={create.isPending}
          onConfirm={() => submit(submitted, true)}
        />
      )}
      <ContactForm
        data-testid="create-contact-form"
        organization={organization}
        ownerChoices={owners.choices}
        ownerEditable={owners.editable}
        ownerHint={owners.hint}
        pending={create.isPending}
        error={candidates ? null : create.error}
        errorTitle={t('contacts.createFailed')}
        submitLabel={t('contacts.createSubmit')}
        onCancel={onDone}
        onSubmit={(request) => submit(request)}
      />
    </Stack>
  );
}
