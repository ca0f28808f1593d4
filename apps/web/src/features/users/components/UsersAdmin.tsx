import { useMemo, useState } from 'react';
import type { User } from '@irm/contracts';
import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  Menu,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  IconDots,
  IconMailForward,
  IconPencil,
  IconPlus,
  IconSearch,
  IconUserCheck,
  IconUserOff,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserListFilters } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState, PageHeader, RoleBadge } from '../../../shared/ui';
import { useUserList } from '../hooks/use-users';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ResendInvitationModal } from './ResendInvitationModal';
import { SetActiveModal } from './SetActiveModal';
import { isRole, roleOptions } from './role-options';

const SEARCH_DEBOUNCE_MS = 300;
type StatusFilter = '' | 'active' | 'inactive';

/** User administration: who has an account, with which role, and whether it may sign in. */
export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [role, setRole] = useState<string | null>('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [createOpened, createModal] = useDisclosure(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [activeToggleId, setActiveToggleId] = useState<string | null>(null);
  const [resendId, setResendId] = useState<string | null>(null);

  const filters = useMemo<UserListFilters>(
    () => ({
      q: debouncedSearch || undefined,
      role: isRole(role) ? role : undefined,
      active: status === '' ? undefined : status === 'active',
    }),
    [debouncedSearch, role, status],
  );
  const list = useUserList(filters);
  const users = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  // Modals follow the row by id, so a reloaded row (new version) reaches them.
  const editing = users.find((user) => user.id === editingId) ?? null;
  const toggling = users.find((user) => user.id === activeToggleId) ?? null;
  const resending = users.find((user) => user.id === resendId) ?? null;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open} data-testid="add-user">
            {t('users.add')}
          </Button>
        }
      />
      <Card withBorder radius="lg" padding={0}>
        <Group p="md" gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={list.isFetching && !list.isPending ? <Loader size={14} aria-hidden /> : null}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            data-testid="user-search"
          />
          <Select
            aria-label={t('common.role')}
            data={[{ value: '', label: t('users.allRoles') }, ...roleOptions(t)]}
            value={role}
            onChange={setRole}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            aria-label={t('users.status')}
            data={[
              { value: '', label: t('users.allStatuses') },
              { value: 'active', label: t('users.active') },
              { value: 'inactive', label: t('users.inactive') },
            ]}
            value={status}
            onChange={(value) => setStatus((value ?? '') as StatusFilter)}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <UserListBody
          list={list}
          users={users}
          currentUserId={currentUserId}
          onEdit={(user) => setEditingId(user.id)}
          onToggleActive={(user) => setActiveToggleId(user.id)}
          onResendInvitation={(user) => setResendId(user.id)}
        />
      </Card>
      <CreateUserModal opened={createOpened} onClose={createModal.close} />
      <EditUserModal user={editing} isSelf={editing?.id === currentUserId} onClose={() => setEditingId(null)} />
      <SetActiveModal user={toggling} onClose={() => setActiveToggleId(null)} />
      <ResendInvitationModal user={resending} onClose={() => setResendId(null)} />
    </>
  );
}

interface UserActions {
  onEdit: (user: User) => void;
  onToggleActive: (user: User) => void;
  onResendInvitation: (user: User) => void;
}

interface UserListBodyProps extends UserActions {
  list: ReturnType<typeof useUserList>;
  users: User[];
  currentUserId: string;
}

function UserListBody({ list, users, currentUserId, ...actions }: UserListBodyProps) {
  const { t } = useTranslation();
  if (list.isPending) {
    return (
      <Stack gap="sm" p="md" aria-busy="true" data-testid="users-loading">
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} height={40} />
        ))}
      </Stack>
    );
  }
  if (list.isError && users.length === 0) {
    return (
      <Stack p="md">
        <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      </Stack>
    );
  }
  if (users.length === 0) {
    return (
      <EmptyState
        py="xl"
        icon={<IconUsersGroup aria-hidden />}
        title={t('users.emptyTitle')}
        description={t('users.emptyDescription')}
        data-testid="users-empty"
      />
    );
  }
  return (
    <>
      {list.isError && (
        <Stack px="md" pb="md">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        </Stack>
      )}
      {/* Small screens get one card per person instead of a table that scrolls sideways. */}
      <Stack gap={0} hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {users.map((user) => (
          <UserCard key={user.id} user={user} isSelf={user.id === currentUserId} {...actions} />
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={820} type="native" visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="users-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('common.email')}</Table.Th>
              <Table.Th>{t('common.role')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.created')}</Table.Th>
              <Table.Th w={1}>
                <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} {...actions} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" p="md" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('users.shown', { count: users.length })}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}

interface UserRowProps extends UserActions {
  user: User;
  isSelf: boolean;
}

function UserRow({ user, isSelf, ...actions }: UserRowProps) {
  const format = useFormatters();
  return (
    <Table.Tr data-testid="user-row" data-user-id={user.id} c={user.active ? undefined : 'dimmed'}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar name={user.name} color="initials" radius="xl" size={32} aria-hidden />
          <Text size="sm" fw={600} c={user.active ? undefined : 'dimmed'}>
            {user.name}
          </Text>
          {isSelf && <SelfBadge />}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={user.role} />
      </Table.Td>
      <Table.Td>
        <StatusBadge user={user} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{format.date(user.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <UserActionsMenu user={user} isSelf={isSelf} {...actions} />
      </Table.Td>
    </Table.Tr>
  );
}

function UserCard({ user, isSelf, ...actions }: UserRowProps) {
  const format = useFormatters();
  return (
    <Group
      component="li"
      data-testid="user-card"
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="md"
      py="sm"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Avatar name={user.name} color="initials" radius="xl" size={36} aria-hidden />
      <Stack gap={6} miw={0} style={{ flex: 1 }}>
        <div>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate="end" c={user.active ? undefined : 'dimmed'}>
              {user.name}
            </Text>
            {isSelf && <SelfBadge />}
          </Group>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {user.email}
          </Text>
        </div>
        <Group gap={6}>
          <RoleBadge role={user.role} />
          <StatusBadge user={user} />
          <Text size="xs" c="dimmed">
            {format.date(user.createdAt)}
          </Text>
        </Group>
      </Stack>
      <UserActionsMenu user={user} isSelf={isSelf} {...actions} />
    </Group>
  );
}

function SelfBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="outline" radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t('users.you')}
    </Badge>
  );
}

/** Deactivated, waiting for the person to accept their invitation, or active. */
function StatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  const [color, label] = !user.active
    ? ['gray', t('users.inactive')]
    : user.pendingInvitation
      ? ['orange', t('users.pending')]
      : ['teal', t('users.active')];
  return (
    <Badge variant="dot" color={color} radius="sm" tt="none" fw={500}>
      {label}
    </Badge>
  );
}

function UserActionsMenu({ user, isSelf, onEdit, onToggleActive, onResendInvitation }: UserRowProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('users.actionsFor', { name: user.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(user)}>
          {t('common.edit')}
        </Menu.Item>
        {user.active && user.pendingInvitation && (
          <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => onResendInvitation(user)}>
            {t('users.resendInvitation')}
          </Menu.Item>
        )}
        <Menu.Item
          color={user.active ? 'red' : undefined}
          leftSection={user.active ? <IconUserOff size={16} aria-hidden /> : <IconUserCheck size={16} aria-hidden />}
          onClick={() => onToggleActive(user)}
          disabled={isSelf}
          title={isSelf ? t('users.selfHint') : undefined}
        >
          {user.active ? t('users.deactivate') : t('users.reactivate')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
