import type { ReactNode } from 'react';
import { Role, type Me, type Organization } from '@irm/contracts';
import { Avatar, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLanguage } from '../../../shared/i18n';
import { notify, usePageTitle } from '../../../shared/ui';
import {
  DeleteRecordModal,
  ReadOnlyNotice,
  RecordActions,
  RecordBackLink,
  RecordBody,
  RecordLoadFailed,
  RecordSkeleton,
} from '../../records';
import { useDeleteOrganization, useOrganization } from '../hooks/use-organizations';
import { INVESTORS_PATH, listReturnPath } from '../paths';
import { KindBadge } from './badges';
import { EditOrganizationModal } from './EditOrganizationModal';
import { OrganizationDetails } from './OrganizationDetails';
import { OrganizationHistory } from './OrganizationHistory';
import { countryName } from './reference-data';

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
          <RecordActions
            name="investor"
            deleteLabel={t('investors.delete')}
            onDelete={deleteModal.open}
            onEdit={editModal.open}
          />
        )}
      </Group>
      {!canChange && <ReadOnlyNotice>{t('investors.readOnlyHint', { owner: organization.ownerName })}</ReadOnlyNotice>}
      <RecordBody
        history={isManager(me) ? <OrganizationHistory organizationId={organization.id} enabled /> : undefined}
      >
        <OrganizationDetails organization={organization} />
        {panels?.(organization)}
      </RecordBody>
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
