import type { Contact, Me, Organization } from '@irm/contracts';
import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconPhone, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/ui';
import { useContactList } from '../hooks/use-contacts';
import { CONTACTS_PATH, contactPath } from '../paths';
import { ConsentBadge } from './badges';
import { CreateContactModal } from './CreateContactModal';
import { formatPhone, phoneHref } from './phone';

/** The people at one investor, on the investor's page; adding one there links it to that investor. */
export function OrganizationContactsPanel({ organization, me }: { organization: Organization; me: Me }) {
  const { t } = useTranslation();
  const [createOpened, createModal] = useDisclosure(false);
  const filters = useMemo(() => ({ organizationId: organization.id }), [organization.id]);
  const list = useContactList(filters);
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const allPath = `${CONTACTS_PATH}?${new URLSearchParams({
    organizationId: organization.id,
    organizationName: organization.name,
  }).toString()}`;

  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-labelledby="investor-contacts-title"
      data-testid="investor-contacts"
    >
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="lg" id="investor-contacts-title">
          {t('contacts.panelTitle')}
        </Title>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={createModal.open}
          data-testid="add-investor-contact"
        >
          {t('contacts.add')}
        </Button>
      </Group>
      {list.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : list.isError && contacts.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contacts.panelEmpty')}
        </Text>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {contacts.map((contact, index) => (
            <PanelRow key={contact.id} contact={contact} first={index === 0} />
          ))}
          {list.hasNextPage && (
            <Anchor component={Link} to={allPath} size="sm" mt="sm">
              {t('contacts.panelAll', { count: contacts.length })}
            </Anchor>
          )}
        </Stack>
      )}
      <CreateContactModal
        me={me}
        opened={createOpened}
        onClose={createModal.close}
        organization={{ value: organization.id, label: organization.name }}
        openRecord={false}
      />
    </Card>
  );
}

function PanelRow({ contact, first }: { contact: Contact; first: boolean }) {
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="wrap"
      gap="xs"
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="investor-contact"
    >
      <div style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Anchor component={Link} to={contactPath(contact.id)} fw={600} size="sm">
          {contact.fullName}
        </Anchor>
        {contact.position && (
          <Text size="xs" c="dimmed">
            {contact.position}
          </Text>
        )}
      </div>
      <Group gap="md" wrap="wrap">
        {contact.email && (
          <Anchor href={`mailto:${contact.email}`} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <Group gap={4} wrap="nowrap">
              <IconMail size={14} aria-hidden />
              {contact.email}
            </Group>
          </Anchor>
        )}
        {contact.phone && (
          <Anchor href={phoneHref(contact.phone)} size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            <Group gap={4} wrap="nowrap">
              <IconPhone size={14} aria-hidden />
              {formatPhone(contact.phone)}
            </Group>
          </Anchor>
        )}
        <ConsentBadge consent={contact.emailConsent} />
      </Group>
    </Group>
  );
}
