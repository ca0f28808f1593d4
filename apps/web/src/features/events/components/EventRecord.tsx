import type { Me, PromotionEvent } from '@irm/contracts';
import { Avatar, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarOff, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLanguage } from '../../../shared/i18n';
import { notify, usePageTitle } from '../../../shared/ui';
import {
  DeleteRecordModal,
  ReadOnlyNotice,
  RecordActions,
  RecordBackLink,
  RecordLoadFailed,
  RecordSkeleton,
} from '../../records';
import { useDeleteEvent, useEvent } from '../hooks/use-events';
import { EVENTS_PATH, listReturnPath } from '../paths';
import { AttendeesPanel } from './AttendeesPanel';
import { EventKindBadge } from './badges';
import { EditEventModal } from './EditEventModal';
import { EventDates } from './EventDates';
import { EventDetails } from './EventDetails';
import { EventRoiPanel } from './EventRoiPanel';
import { countryName } from './options';
import { isManager } from './roles';

/** One event: what and where it was, who attended and where each of them stands, and what it returned. */
export function EventRecord({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const event = useEvent(id);
  usePageTitle(event.data?.name ?? t('events.title'));
  if (event.isPending) return <RecordSkeleton testId="event-loading" />;
  if (event.isError) {
    return (
      <RecordLoadFailed
        query={event}
        backLink={<BackLink />}
        notFound={{
          icon: <IconCalendarOff aria-hidden />,
          title: t('events.notFoundTitle'),
          description: t('events.notFoundDescription'),
          testId: 'event-not-found',
        }}
      />
    );
  }
  return <EventView event={event.data} me={me} />;
}

function EventView({ event, me }: { event: PromotionEvent; me: Me }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const [editOpened, editModal] = useDisclosure(false);
  const [deleteOpened, deleteModal] = useDisclosure(false);
  const remove = useDeleteEvent();
  // The server enforces the same rule; the page only avoids offering what would be refused.
  const canChange = isManager(me) || event.ownerId === me.id;
  const closeDelete = () => {
    remove.reset();
    deleteModal.close();
  };
  const confirmDelete = () =>
    remove.mutate(event, {
      onSuccess: () => {
        notify({ tone: 'success', message: t('events.deletedNotice', { name: event.name }) });
        deleteModal.close();
        void navigate(EVENTS_PATH, { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: '1 1 360px' }}>
          <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }} data-testid="event-title">
            {event.name}
          </Title>
          <Group gap="md" mt={4} wrap="wrap">
            <EventKindBadge kind={event.kind} />
            <EventDates startsOn={event.startsOn} endsOn={event.endsOn} size="sm" />
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={16} aria-hidden color="var(--mantine-color-dimmed)" />
              <Text size="sm">
                {event.place} · {countryName(event.country, language)}
              </Text>
            </Group>
            <Group gap={6} wrap="nowrap">
              <Avatar name={event.ownerName} color="initials" radius="xl" size={22} aria-hidden />
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('events.field.owner')}:
                </Text>{' '}
                {event.ownerName}
              </Text>
            </Group>
          </Group>
        </Stack>
        {canChange && (
          <RecordActions
            name="event"
            deleteLabel={t('events.delete')}
            onDelete={deleteModal.open}
            onEdit={editModal.open}
          />
        )}
      </Group>
      {!canChange && <ReadOnlyNotice>{t('events.readOnlyHint', { owner: event.ownerName })}</ReadOnlyNotice>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <EventRoiPanel event={event} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <EventDetails event={event} />
        </Grid.Col>
      </Grid>
      <AttendeesPanel event={event} me={me} canChange={canChange} />
      <EditEventModal me={me} event={event} opened={editOpened} onClose={editModal.close} />
      <DeleteRecordModal
        opened={deleteOpened}
        title={t('events.deleteTitle')}
        message={t('events.deleteConfirm', { name: event.name })}
        confirmLabel={t('events.delete')}
        pending={remove.isPending}
        onConfirm={confirmDelete}
        onClose={closeDelete}
        error={remove.isError ? remove.error : null}
        failedTitle={t('events.deleteFailed')}
        staleMessage={t('events.deleteStale')}
        forbiddenMessage={t('events.forbiddenEdit', { owner: event.ownerName })}
      />
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  return <RecordBackLink to={listReturnPath(state)}>{t('events.back')}</RecordBackLink>;
}
