import type { ComponentType, ReactNode } from 'react';
import { Role, type Me, type Organization } from '@irm/contracts';
import { Alert, Avatar, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingOff, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { OrganizationContactsPanel } from '../../contacts';
import { useLanguage } from '../../../shared/i18n';
import { notify, usePageTitle } from '../../../shared/ui';
import { DeleteRecordModal, RecordBackLink, RecordLoadFailed, RecordSkeleton } from '../../records';
import { useDeleteOrganization, useOrganization } from '../hooks/use-organizations';
import { INVESTORS_PATH, listReturnPath } from '../paths';
import { KindBadge } from './badges';
import { EditOrganizationModal } from './EditOrganizationModal';
import { OrganizationDetails } from './OrganizationDetails';
import { OrganizationHistory } from './OrganizationHistory';
import { countryName } from './reference-data';

/**
 * Panels about the investor's relations with the agency (contacts, timeline, tasks), shown under the details
 * in this order. Each feature that brings one adds it here; nothing is shown for a capability that does not exist.
 */
export const RELATED_PANELS: readonly ComponentType<{ organization: Organization; me: Me }>[] = [
  OrganizationContactsPanel,
];

const isManager = (me: Me) => me.role === Role.Manager || me.role === Role.Admin;

interface OrganizationRecordProps {
  id: string;
  me: Me;
  /** Panels the page adds under the related ones (e.g. tasks and timeline), given the loaded investor. */
  panels?: (organization: Organization) => ReactNode;
}

/** One investor: who they are, who owns them, what changed; edit and delete for those allowed to. */
export function OrganizationRecord({ id, me, panels }: OrganizationRecordProps) {
  const { t } = useTranslation();
  const organization = useOrganization(id);
  usePageTitle(organization.data?.name ?? t('investors.title'));

  if (organization.isPending) return <RecordSkeleton testId="investor-loading" />;
  if (organization.isError) {
    return (
      <RecordLoadFailed
        query={organization}
        backLink={<BackLink />}
        notFound={{
          icon: <IconBuildingOff aria-hidden />,
          title: t('investors.notFoundTitle'),
          description: t('investors.notFoundDescription'),
          testId: 'investor-not-found',
        }}
      />
    );
  }
  return <RecordView organization={organization.data} me={me} panels={panels} />;
}

function RecordView({
  organization,
  me,
  panels,
}: Omit<OrganizationRecordProps, 'id'> & { organization: Organization }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const [editOpened, editModal] = useDisclosure(false);
  const [deleteOpened, deleteModal] = useDisclosure(false);
  const remove = useDeleteOrganization();
  // The server enforces the same rule; the page only avoids offering what would be refused.
  const canChange = isManager(me) || organization.ownerId === me.id;

  const closeDelete = () => {
    remove.reset();
    deleteModal.close();
  };
  const confirmDelete = () =>
    remove.mutate(organization, {
      onSuccess: () => {
        notify({ tone: 'success', message: t('investors.deletedNotice', { name: organization.name }) });
        deleteModal.close();
        void navigate(INVESTORS_PATH, { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: '1 1 360px' }}>
          <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }} data-testid="investor-name">
            {organization.name}
          </Title>
          {organization.legalName && organization.legalName !== organization.name && (
            <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {organization.legalName}
            </Text>
          )}
          <Group gap="md" mt={4} wrap="wrap">
            <KindBadge kind={organization.kind} />
            <Text size="sm" c="dimmed">
              {countryName(organization.country, language)}
            </Text>
            <Group gap={6} wrap="nowrap">
              <Avatar name={organization.ownerName} color="initials" radius="xl" size={22} aria-hidden />
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('investors.owner')}:
                </Text>{' '}
                {organization.ownerName}
              </Text>
            </Group>
          </Group>
        </Stack>
        {canChange && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconTrash size={16} aria-hidden />}
              color="red"
              onClick={deleteModal.open}
              data-testid="delete-investor"
            >
              {t('investors.delete')}
            </Button>
            <Button
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={editModal.open}
              data-testid="edit-investor"
            >
              {t('common.edit')}
            </Button>
          </Group>
        )}
      </Group>
      {!canChange && (
        <Alert variant="light" color="gray" icon={<IconLock aria-hidden />} data-testid="read-only-notice">
          {t('investors.readOnlyHint', { owner: organization.ownerName })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: isManager(me) ? 7 : 12, lg: isManager(me) ? 8 : 12 }}>
          <Stack gap="lg">
            <OrganizationDetails organization={organization} />
            {RELATED_PANELS.map((Panel, index) => (
              <Panel key={index} organization={organization} me={me} />
            ))}
            {panels?.(organization)}
          </Stack>
        </Grid.Col>
        {isManager(me) && (
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <OrganizationHistory organizationId={organization.id} enabled />
          </Grid.Col>
        )}
      </Grid>
      <EditOrganizationModal me={me} organization={organization} opened={editOpened} onClose={editModal.close} />
      <DeleteRecordModal
        opened={deleteOpened}
        title={t('investors.deleteTitle')}
        message={t('investors.deleteConfirm', { name: organization.name })}
        confirmLabel={t('investors.delete')}
        pending={remove.isPending}
        onConfirm={confirmDelete}
        onClose={closeDelete}
        error={remove.isError ? remove.error : null}
        failedTitle={t('investors.deleteFailed')}
        staleMessage={t('investors.deleteStale')}
        forbiddenMessage={t('investors.forbiddenEdit', { owner: organization.ownerName })}
      />
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  return <RecordBackLink to={listReturnPath(state)}>{t('investors.back')}</RecordBackLink>;
}
