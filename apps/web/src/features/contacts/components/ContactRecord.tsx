import type { ReactNode } from 'react';
import { Role, type Contact, type Me } from '@irm/contracts';
import { Anchor, Avatar, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { notify, usePageTitle } from '../../../shared/ui';
import { investorPath } from '../../organizations/paths';
import {
  DeleteRecordModal,
  ReadOnlyNotice,
  RecordActions,
  RecordBody,
  RecordBackLink,
  RecordLoadFailed,
  RecordSkeleton,
} from '../../records';
import { useContact, useDeleteContact } from '../hooks/use-contacts';
import { CONTACTS_PATH, listReturnPath } from '../paths';
import { ConsentBadge } from './badges';
import { ContactDetails } from './ContactDetails';
import { ContactHistory } from './ContactHistory';
import { EditContactModal } from './EditContactModal';

const isManager = (me: Me) => me.role === Role.Manager || me.role === Role.Admin;

interface ContactRecordProps {
  id: string;
  me: Me;
  /** Panels the page adds under the details (e.g. tasks and timeline), given the loaded contact. */
  panels?: (contact: Contact) => ReactNode;
}

/** One person: who they are, where they work, what changed; edit and delete for those allowed to. */
export function ContactRecord({ id, me, panels }: ContactRecordProps) {
  const { t } = useTranslation();
  const contact = useContact(id);
  usePageTitle(contact.data?.fullName ?? t('contacts.title'));

  if (contact.isPending) return <RecordSkeleton testId="contact-loading" />;
  if (contact.isError) {
    return (
      <RecordLoadFailed
        query={contact}
        backLink={<BackLink />}
        notFound={{
          icon: <IconUserOff aria-hidden />,
          title: t('contacts.notFoundTitle'),
          description: t('contacts.notFoundDescription'),
          testId: 'contact-not-found',
        }}
      />
    );
  }
  return <RecordView contact={contact.data} me={me} panels={panels} />;
}

function RecordView({ contact, me, panels }: Omit<ContactRecordProps, 'id'> & { contact: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editOpened, editModal] = useDisclosure(false);
  const [deleteOpened, deleteModal] = useDisclosure(false);
  const remove = useDeleteContact();
  // The server enforces the same rule; the page only avoids offering what would be refused.
  const canChange = isManager(me) || contact.ownerId === me.id;

  const closeDelete = () => {
    remove.reset();
    deleteModal.close();
  };
  const confirmDelete = () =>
    remove.mutate(contact, {
      onSuccess: () => {
        notify({ tone: 'success', message: t('contacts.deletedNotice', { name: contact.fullName }) });
        deleteModal.close();
        void navigate(CONTACTS_PATH, { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start" miw={0} style={{ flex: '1 1 360px' }}>
          <Avatar name={contact.fullName} color="initials" radius="xl" size={48} aria-hidden />
          <Stack gap={6} miw={0}>
            <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }} data-testid="contact-name">
              {contact.fullName}
            </Title>
            {(contact.position || contact.organizationName) && (
              <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {contact.position}
                {contact.position && contact.organizationName && ' · '}
                {contact.organizationId && contact.organizationName && (
                  <Anchor component={Link} to={investorPath(contact.organizationId)} inherit>
                    {contact.organizationName}
                  </Anchor>
                )}
              </Text>
            )}
            <Group gap="md" mt={4} wrap="wrap">
              <ConsentBadge consent={contact.emailConsent} />
              <Group gap={6} wrap="nowrap">
                <Avatar name={contact.ownerName} color="initials" radius="xl" size={22} aria-hidden />
                <Text size="sm">
                  <Text span size="sm" c="dimmed">
                    {t('contacts.owner')}:
                  </Text>{' '}
                  {contact.ownerName}
                </Text>
              </Group>
            </Group>
          </Stack>
        </Group>
        {canChange && (
          <RecordActions
            name="contact"
            deleteLabel={t('contacts.delete')}
            onDelete={deleteModal.open}
            onEdit={editModal.open}
          />
        )}
      </Group>
      {!canChange && <ReadOnlyNotice>{t('contacts.readOnlyHint', { owner: contact.ownerName })}</ReadOnlyNotice>}
      <RecordBody history={isManager(me) ? <ContactHistory contactId={contact.id} enabled /> : undefined}>
        <ContactDetails contact={contact} />
        {panels?.(contact)}
      </RecordBody>
      <EditContactModal me={me} contact={contact} opened={editOpened} onClose={editModal.close} />
      <DeleteRecordModal
        opened={deleteOpened}
        title={t('contacts.deleteTitle')}
        message={t('contacts.deleteConfirm', { name: contact.fullName })}
        confirmLabel={t('contacts.delete')}
        pending={remove.isPending}
        onConfirm={confirmDelete}
        onClose={closeDelete}
        error={remove.isError ? remove.error : null}
        failedTitle={t('contacts.deleteFailed')}
        staleMessage={t('contacts.deleteStale')}
        forbiddenMessage={t('contacts.forbiddenEdit', { owner: contact.ownerName })}
      />
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  return <RecordBackLink to={listReturnPath(state)}>{t('contacts.back')}</RecordBackLink>;
}
