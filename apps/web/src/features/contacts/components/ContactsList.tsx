import { useMemo } from 'react';
import { ImportEntity, type Contact, type Me } from '@irm/contracts';
import { Anchor, Avatar, Button, Card, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactListFilters } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui';
import { ListTransferActions } from '../../imports';
import { investorPath } from '../../organizations/paths';
import {
  ColumnsMenu,
  RecordListBody,
  useHiddenColumns,
  ListRecordLink,
  ListSearchInput,
  useListFilters,
  useSortParam,
  type ListColumn,
} from '../../records';
import { useContactList } from '../hooks/use-contacts';
import { contactPath } from '../paths';
import { ConsentBadge, LanguageLabel } from './badges';
import { CreateContactModal } from './CreateContactModal';
import { consentOptions, isConsent, isContactLanguage, languageOptions } from './options';
import { OrganizationPicker } from './OrganizationPicker';
import { formatPhone } from './phone';

// The investor's name rides along with its id, so the filter can show it without asking the server.
type FilterParam = 'organizationId' | 'organizationName' | 'language' | 'consent' | 'mine';

/** The contact list. Filters live in the address, so a filtered list can be shared, reloaded and returned to. */
export function ContactsList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { sort, setSort, kept } = useSortParam();
  const { params, search, setSearch, setFilters, clearFilters } = useListFilters<FilterParam>(kept);
  const [createOpened, createModal] = useDisclosure(false);

  const organizationId = params.get('organizationId');
  const organizationName = params.get('organizationName');
  const language = params.get('language');
  const consent = params.get('consent');
  const mine = params.get('mine') === '1';
  const columns = useContactColumns();
  const { hidden, toggle } = useHiddenColumns('contacts', ['updatedAt', 'createdAt']);
  const filters = useMemo<ContactListFilters>(
    () => ({
      q: params.get('q') || undefined,
      organizationId: organizationId || undefined,
      language: isContactLanguage(language) ? language : undefined,
      consent: isConsent(consent) ? consent : undefined,
      ownerId: mine ? me.id : undefined,
    }),
    [params, organizationId, language, consent, mine, me.id],
  );
  const filtered = Object.values(filters).some(Boolean);

  const list = useContactList(filters, sort);
  const contacts = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        description={t('contacts.description')}
        actions={
          <Group gap="sm">
            <ListTransferActions entity={ImportEntity.Contacts} filters={{ ...filters, sort }} />
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={createModal.open}
              data-testid="add-contact"
            >
              {t('contacts.add')}
            </Button>
          </Group>
        }
      />
      <Card withBorder radius="lg" padding={0}>
        <Stack gap="sm" p="md">
          <Group gap="sm" wrap="wrap" align="flex-end">
            <ListSearchInput
              label={t('contacts.search')}
              value={search}
              onChange={setSearch}
              refreshing={list.isFetching && !list.isPending}
              basis={320}
              testId="contact-search"
            />
            <OrganizationPicker
              // Remounted when cleared from outside, so the typed text goes too.
              key={organizationId ?? 'none'}
              aria-label={t('contacts.organization')}
              placeholder={t('contacts.allOrganizations')}
              value={organizationId ? { value: organizationId, label: organizationName ?? organizationId } : null}
              onChange={(choice) =>
                setFilters({ organizationId: choice?.value ?? null, organizationName: choice?.label ?? null })
              }
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              aria-label={t('contacts.languageLabel')}
              data={[{ value: '', label: t('contacts.allLanguages') }, ...languageOptions(t)]}
              value={language ?? ''}
              onChange={(value) => setFilters({ language: value })}
              allowDeselect={false}
              w={{ base: '100%', xs: 170 }}
            />
            <Select
              aria-label={t('contacts.consentLabel')}
              data={[{ value: '', label: t('contacts.allConsents') }, ...consentOptions(t)]}
              value={consent ?? ''}
              onChange={(value) => setFilters({ consent: value })}
              allowDeselect={false}
              w={{ base: '100%', xs: 210 }}
            />
          </Group>
          <Group gap="sm" justify="space-between">
            <Chip
              checked={mine}
              onChange={(checked) => setFilters({ mine: checked ? '1' : null })}
              variant="light"
              data-testid="filter-mine"
            >
              {t('contacts.mine')}
            </Chip>
            <Group gap="sm">
              {filtered && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={clearFilters}
                >
                  {t('contacts.clearFilters')}
                </Button>
              )}
              <ColumnsMenu columns={columns} hidden={hidden} onToggle={toggle} />
            </Group>
          </Group>
        </Stack>
        <RecordListBody
          name="contacts"
          list={list}
          items={contacts}
          filtered={filtered}
          onAdd={createModal.open}
          onClearFilters={clearFilters}
          emptyIcon={<IconAddressBook aria-hidden />}
          tableMinWidth={900}
          columns={columns}
          hidden={hidden}
          sorting={{ sort, onSort: setSort }}
          rowProps={(contact) => ({ 'data-testid': 'contact-row', 'data-contact-id': contact.id })}
          renderCard={(contact) => <ContactCard key={contact.id} contact={contact} />}
        />
      </Card>
      <CreateContactModal me={me} opened={createOpened} onClose={createModal.close} />
    </>
  );
}

/** The contact table's columns; the name always shows, the others can be hidden. */
function useContactColumns(): ListColumn<Contact>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  const nowrap = { style: { whiteSpace: 'nowrap' } } as const;
  return [
    {
      key: 'name',
      label: t('contacts.nameAndPosition'),
      required: true,
      sortBy: 'name',
      cellProps: { miw: 160, maw: 260 },
      cell: (contact) => (
        <>
          <ContactLink contact={contact} />
          {contact.position && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {contact.position}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'organization',
      label: t('contacts.organization'),
      cellProps: { miw: 160, maw: 260 },
      cell: (contact) => <OrganizationLink contact={contact} />,
    },
    { key: 'reach', label: t('contacts.emailAndPhone'), cell: (contact) => <ReachableAt contact={contact} /> },
    {
      key: 'language',
      label: t('contacts.languageShort'),
      cellProps: nowrap,
      cell: (contact) => (
        <Text size="sm">
          <LanguageLabel language={contact.preferredLanguage} />
        </Text>
      ),
    },
    {
      key: 'consent',
      label: t('contacts.consentLabel'),
      cellProps: nowrap,
      cell: (contact) => <ConsentBadge consent={contact.emailConsent} />,
    },
    {
      key: 'owner',
      label: t('contacts.owner'),
      cell: (contact) => (
        <Group gap={8} wrap="nowrap">
          <Avatar name={contact.ownerName} color="initials" radius="xl" size={26} aria-hidden />
          <Text size="sm">{contact.ownerName}</Text>
        </Group>
      ),
    },
    {
      key: 'updatedAt',
      label: t('contacts.updated'),
      sortBy: 'updatedAt',
      cellProps: nowrap,
      cell: (contact) => <Text size="sm">{format.date(contact.updatedAt)}</Text>,
    },
    {
      key: 'createdAt',
      label: t('contacts.created'),
      sortBy: 'createdAt',
      cellProps: nowrap,
      cell: (contact) => <Text size="sm">{format.date(contact.createdAt)}</Text>,
    },
  ];
}

export function ContactLink({ contact }: { contact: Contact }) {
  return (
    <ListRecordLink to={contactPath(contact.id)} testId="contact-link">
      {contact.fullName}
    </ListRecordLink>
  );
}

function OrganizationLink({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!contact.organizationId || !contact.organizationName) {
    return (
      <Text size="sm" c="dimmed">
        {t('contacts.none')}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={investorPath(contact.organizationId)} size="sm">
      {contact.organizationName}
    </Anchor>
  );
}

/** Email over phone: long addresses are cut rather than broken mid-word (the full one is on hover and the record). */
function ReachableAt({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!contact.email && !contact.phone) {
    return (
      <Text size="sm" c="dimmed">
        {t('contacts.none')}
      </Text>
    );
  }
  return (
    <>
      {contact.email && (
        <Text size="sm" truncate="end" maw={240} title={contact.email}>
          {contact.email}
        </Text>
      )}
      {contact.phone && (
        <Text size="sm" c={contact.email ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatPhone(contact.phone)}
        </Text>
      )}
    </>
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  return (
    <Stack
      component="li"
      gap={6}
      px="md"
      py="sm"
      data-testid="contact-card"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <ContactLink contact={contact} />
          {contact.position && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {contact.position}
            </Text>
          )}
        </div>
        <ConsentBadge consent={contact.emailConsent} />
      </Group>
      {contact.organizationId && <OrganizationLink contact={contact} />}
      {(contact.email || contact.phone) && (
        <Group gap={4} wrap="wrap" style={{ columnGap: 'var(--mantine-spacing-md)' }}>
          {contact.email && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {contact.email}
            </Text>
          )}
          {contact.phone && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatPhone(contact.phone)}
            </Text>
          )}
        </Group>
      )}
      <Group gap={6} wrap="nowrap">
        <Avatar name={contact.ownerName} color="initials" radius="xl" size={20} aria-hidden />
        <Text size="xs" c="dimmed" truncate="end">
          {contact.ownerName} · <LanguageLabel language={contact.preferredLanguage} />
        </Text>
      </Group>
    </Stack>
  );
}
