import type { Contact, CreateContactRequest, Me, UpdateContactRequest } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../shared/ui';
import { VersionedEditModal } from '../../records';
import { useContactOwnerChoices } from '../hooks/use-contact-owner-choices';
import { useUpdateContact } from '../hooks/use-contacts';
import { ContactForm } from './ContactForm';
import { contactDifferences, useContactFieldDisplay } from './field-display';

interface EditContactModalProps {
  me: Me;
  /** The latest copy of the record: after someone else's change is loaded, the form shows it. */
  contact: Contact;
  opened: boolean;
  onClose: () => void;
}

export function EditContactModal({ me, contact, opened, onClose }: EditContactModalProps) {
  const { t } = useTranslation();
  const update = useUpdateContact();
  const owners = useContactOwnerChoices(me);
  const display = useContactFieldDisplay();
  return (
    <VersionedEditModal
      record={contact}
      opened={opened}
      onClose={onClose}
      title={t('contacts.editTitle')}
      update={update}
      changedFields={changedFields}
      variables={(record, changes) => ({ contact: record, changes })}
      onSaved={(updated) => notify({ tone: 'success', message: t('contacts.savedNotice', { name: updated.fullName }) })}
      stale={{
        message: t('contacts.staleVersion'),
        changedTitle: t('contacts.staleChanged'),
        display,
        differences: contactDifferences,
      }}
      forbiddenMessage={(aboutOwner) =>
        aboutOwner ? t('contacts.forbiddenOwner') : t('contacts.forbiddenEdit', { owner: contact.ownerName })
      }
      renderForm={(form) => (
        <ContactForm
          {...form}
          data-testid="edit-contact-form"
          contact={contact}
          ownerChoices={owners.choices}
          ownerEditable={owners.editable}
          ownerHint={owners.hint}
          errorTitle={t('contacts.saveFailed')}
          submitLabel={t('common.saveChanges')}
        />
      )}
    />
  );
}

const REQUEST_FIELDS = [
  'fullName',
  'position',
  'organizationId',
  'email',
  'phone',
  'preferredLanguage',
  'emailConsent',
  'consentSource',
  'ownerId',
] as const satisfies readonly (keyof CreateContactRequest & keyof Contact)[];

/** Only what the person changed is sent, so a save never undoes a field someone else edited meanwhile. */
function changedFields(contact: Contact, request: CreateContactRequest): Omit<UpdateContactRequest, 'version'> {
  const changes: Record<string, unknown> = {};
  for (const field of REQUEST_FIELDS) {
    const next = request[field] ?? null;
    // The phone is stored as E.164; the same number typed differently is left to the server to compare.
    if (next !== (contact[field] ?? null)) changes[field] = next;
  }
  // A new consent needs its source even when the source happens to be the one already stored.
  if ('emailConsent' in changes && request.consentSource) changes.consentSource = request.consentSource;
  return changes as Omit<UpdateContactRequest, 'version'>;
}
