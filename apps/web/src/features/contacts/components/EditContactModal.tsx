import { useEffect, useRef, useState } from 'react';
import type { Contact, CreateContactRequest, Me, UpdateContactRequest } from '@irm/contracts';
import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { IconLock, IconRefreshAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { notify } from '../../../shared/ui';
import { useContactOwnerChoices } from '../hooks/use-contact-owner-choices';
import { isForbidden, isStaleVersion, useUpdateContact } from '../hooks/use-contacts';
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
  // The copy the person was editing when the server said someone else had changed it.
  const [staleFrom, setStaleFrom] = useState<Contact | null>(null);
  const close = () => {
    update.reset();
    setStaleFrom(null);
    onClose();
  };

  const submit = (request: CreateContactRequest) => {
    const changes = changedFields(contact, request);
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    setStaleFrom(null);
    update.mutate(
      { contact, changes },
      {
        onSuccess: (updated) => {
          notify({ tone: 'success', message: t('contacts.savedNotice', { name: updated.fullName }) });
          close();
        },
        onError: (error) => {
          if (isStaleVersion(error)) setStaleFrom(contact);
        },
      },
    );
  };

  const explained = isStaleVersion(update.error) || isForbidden(update.error);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('contacts.editTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        // Keyed by version: when someone else's change is loaded, the fields show it.
        <ContactForm
          key={`${contact.id}:${contact.version}`}
          data-testid="edit-contact-form"
          contact={contact}
          ownerChoices={owners.choices}
          ownerEditable={owners.editable}
          ownerHint={owners.hint}
          pending={update.isPending}
          error={explained ? null : update.error}
          errorTitle={t('contacts.saveFailed')}
          notice={
            <>
              {staleFrom && <StaleNotice before={staleFrom} after={contact} />}
              {isForbidden(update.error) && <ForbiddenNotice error={update.error} contact={contact} />}
            </>
          }
          submitLabel={t('common.saveChanges')}
          onCancel={close}
          onSubmit={submit}
        />
      )}
    </Modal>
  );
}

/** The notice is at the top of the form whose save button is at the bottom: bring it into view. */
function useScrolledIntoView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return ref;
}

function StaleNotice({ before, after }: { before: Contact; after: Contact }) {
  const { t } = useTranslation();
  const ref = useScrolledIntoView<HTMLDivElement>();
  const display = useContactFieldDisplay();
  // Until the reload arrives both copies are the same and there is nothing to list yet.
  const differences = before.version === after.version ? [] : contactDifferences(before, after);
  return (
    <Alert
      ref={ref}
      color="orange"
      variant="light"
      icon={<IconRefreshAlert aria-hidden />}
      role="alert"
      data-testid="stale-notice"
    >
      <Stack gap={6}>
        <Text size="sm">{t('contacts.staleVersion')}</Text>
        {differences.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('contacts.staleChanged')}
            </Text>
            <List size="sm" spacing={2}>
              {differences.map(({ field, before: was, after: now }) => (
                <List.Item key={field}>
                  <Text span size="sm" fw={500}>
                    {display.label(field)}:
                  </Text>{' '}
                  <Text span size="sm" td="line-through" c="dimmed">
                    {display.value(field, was)}
                  </Text>{' '}
                  → {display.value(field, now)}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

function ForbiddenNotice({ error, contact }: { error: unknown; contact: Contact }) {
  const { t } = useTranslation();
  const ref = useScrolledIntoView<HTMLDivElement>();
  const aboutOwner = isApiError(error) && error.fieldErrors.some((e) => e.field === 'ownerId');
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconLock aria-hidden />}
      role="alert"
      data-testid="forbidden-notice"
    >
      {aboutOwner ? t('contacts.forbiddenOwner') : t('contacts.forbiddenEdit', { owner: contact.ownerName })}
    </Alert>
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
