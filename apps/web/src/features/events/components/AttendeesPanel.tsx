import { useMemo, useState } from 'react';
import { PipelineKind, StageType, type EventAttendee, type Me, type PromotionEvent } from '@irm/contracts';
import {
  ActionIcon,
  Anchor,
  Avatar,
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowsExchange,
  IconFileImport,
  IconTrash,
  IconUserPlus,
  IconUsers,
  IconUsersPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmModal, ErrorState, notify } from '../../../shared/ui';
import { contactPath } from '../../contacts';
import { isFinished, useImportJob } from '../../imports';
import { attendeeConversion } from '../conversion';
import { useAttendees, useRemoveAttendee } from '../hooks/use-events';
import { itemPath } from '../paths';
import { isManager } from './roles';
import { AddAttendeeModal } from './AddAttendeeModal';
import { StageBadge } from './badges';
import { BulkAttendeesModal } from './BulkAttendeesModal';
import { ConvertedItemLink, ConvertModal } from './ConvertModal';
import { ImportAttendeesModal } from './ImportAttendeesModal';

/**
 * Who attended, each with their follow-up's stage in the event-contact pipeline. The event's owner (or a manager)
 * adds and removes people; whoever owns a person's follow-up converts it.
 */
export function AttendeesPanel({ event, me, canChange }: { event: PromotionEvent; me: Me; canChange: boolean }) {
  const { t } = useTranslation();
  const attendees = useAttendees(event.id);
  const items = useMemo(() => attendees.data?.pages.flatMap((page) => page.items) ?? [], [attendees.data]);
  const [addOpened, addModal] = useDisclosure(false);
  const [bulkOpened, bulkModal] = useDisclosure(false);
  const [importOpened, importModal] = useDisclosure(false);
  // The list import runs in the background: closing its dialog keeps following it here.
  const [importJobId, setImportJobId] = useState<string>();
  const importJob = useImportJob(importJobId);
  const importRunning = importJob.data !== undefined && !isFinished(importJob.data);
  const closeImport = () => {
    importModal.close();
    if (!importRunning) setImportJobId(undefined);
  };
  const [converting, setConverting] = useState<EventAttendee | null>(null);
  const [removing, setRemoving] = useState<EventAttendee | null>(null);
  const remove = useRemoveAttendee(event.id);
  const closeRemove = () => {
    remove.reset();
    setRemoving(null);
  };

  return (
    <Card withBorder radius="lg" padding={0} component="section" aria-labelledby="event-attendees-title">
      <Group justify="space-between" p="lg" pb="md" gap="sm" wrap="wrap">
        <div>
          <Title order={2} fz="lg" id="event-attendees-title">
            {t('events.attendees.title')}{' '}
            <Text span c="dimmed" fz="lg" fw={500}>
              ({event.attendeeCount})
            </Text>
          </Title>
          <Text size="sm" c="dimmed">
            {t('events.attendees.description')}
          </Text>
        </div>
        {canChange && (
          <Group gap="sm">
            {importRunning && !importOpened && (
              <Button
                variant="subtle"
                leftSection={<Loader size={14} />}
                onClick={importModal.open}
                data-testid="import-attendees-running"
              >
                {t('events.import.running', {
                  processed: importJob.data?.processed ?? 0,
                  total: importJob.data?.total ?? '…',
                })}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={importModal.open}
              data-testid="import-attendees"
            >
              {t('events.attendees.importList')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUsersPlus size={16} aria-hidden />}
              onClick={bulkModal.open}
              data-testid="bulk-attendees"
            >
              {t('events.attendees.addMany')}
            </Button>
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={addModal.open}
              data-testid="add-attendee"
            >
              {t('events.attendees.add')}
            </Button>
          </Group>
        )}
      </Group>
      {attendees.isPending ? (
        <Stack gap="sm" px="lg" pb="lg">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={40} />
          ))}
        </Stack>
      ) : attendees.isError && items.length === 0 ? (
        <Stack px="lg" pb="lg">
          <ErrorState
            error={attendees.error}
            onRetry={() => void attendees.refetch()}
            retrying={attendees.isFetching}
          />
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          py="xl"
          icon={<IconUsers aria-hidden />}
          title={t('events.attendees.emptyTitle')}
          description={canChange ? t('events.attendees.emptyDescription') : t('events.attendees.emptyReadOnly')}
          data-testid="attendees-empty"
        >
          {canChange && (
            <Group gap="sm" justify="center">
              <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={addModal.open}>
                {t('events.attendees.add')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={importModal.open}
              >
                {t('events.attendees.importList')}
              </Button>
            </Group>
          )}
        </EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="attendees-table">
              <Table.Thead bg="gray.0" style={{ whiteSpace: 'nowrap' }}>
                <Table.Tr>
                  <Table.Th>{t('events.attendees.person')}</Table.Th>
                  <Table.Th>{t('events.attendees.organization')}</Table.Th>
                  <Table.Th>{t('events.attendees.stage')}</Table.Th>
                  <Table.Th>{t('events.attendees.followUp')}</Table.Th>
                  <Table.Th ta="right">
                    <VisuallyHidden>{t('events.attendees.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((attendee) => (
                  <AttendeeRow
                    key={attendee.id}
                    attendee={attendee}
                    canConvert={isManager(me) || attendee.itemOwnerId === me.id}
                    canRemove={canChange && attendee.removable}
                    onConvert={() => setConverting(attendee)}
                    onRemove={() => setRemoving(attendee)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {attendees.hasNextPage && (
            <Group justify="center" p="md">
              <Button
                variant="default"
                onClick={() => void attendees.fetchNextPage()}
                loading={attendees.isFetchingNextPage}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      <AddAttendeeModal event={event} opened={addOpened} onClose={addModal.close} />
      <BulkAttendeesModal event={event} opened={bulkOpened} onClose={bulkModal.close} />
      <ImportAttendeesModal
        event={event}
        opened={importOpened}
        jobId={importJobId}
        onStarted={setImportJobId}
        onReset={() => setImportJobId(undefined)}
        onClose={closeImport}
      />
      <ConvertModal subject={converting && attendeeConversion(converting)} onClose={() => setConverting(null)} />
      <ConfirmModal
        opened={removing !== null}
        title={t('events.attendees.removeTitle')}
        message={t('events.attendees.removeConfirm', { name: removing?.contactName ?? '' })}
        confirmLabel={t('events.attendees.remove')}
        destructive
        pending={remove.isPending}
        onClose={closeRemove}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: () => {
              notify({ tone: 'success', message: t('events.attendees.removedNotice', { name: removing.contactName }) });
              setRemoving(null);
            },
          })
        }
      >
        {remove.error != null && (
          <Text size="sm" c="red" role="alert">
            {isApiError(remove.error)
              ? (remove.error.problem.detail ?? remove.error.problem.title)
              : t('errors.unexpected')}
          </Text>
        )}
      </ConfirmModal>
    </Card>
  );
}

function AttendeeRow({
  attendee,
  canConvert,
  canRemove,
  onConvert,
  onRemove,
}: {
  attendee: EventAttendee;
  canConvert: boolean;
  canRemove: boolean;
  onConvert: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const converted = attendee.stageType === StageType.Won;
  return (
    <Table.Tr data-testid="attendee-row" data-contact-id={attendee.contactId} data-stage={attendee.stageKey}>
      <Table.Td maw={260}>
        <Anchor component={Link} to={contactPath(attendee.contactId)} fw={600} size="sm" c="inherit">
          {attendee.contactName}
        </Anchor>
        {attendee.contactEmail && (
          <Text size="xs" c="dimmed" truncate="end">
            {attendee.contactEmail}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={220}>
        {attendee.organizationName ? (
          <Text size="sm" lineClamp={2}>
            {attendee.organizationName}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Tooltip label={t('events.attendees.openFollowUp')} withArrow openDelay={400}>
          <Anchor
            component={Link}
            to={itemPath(PipelineKind.EventContact, attendee.itemId)}
            underline="never"
            aria-label={t('events.attendees.stageOf', { name: attendee.contactName })}
          >
            <StageBadge name={attendee.stageName} type={attendee.stageType} overdue={attendee.overdue} />
          </Anchor>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Avatar name={attendee.itemOwnerName} color="initials" radius="xl" size={22} aria-hidden />
          <div>
            <Text size="sm">{attendee.itemOwnerName}</Text>
            <Text size="xs" c="dimmed">
              {t('events.attendees.addedOn', { date: format.date(attendee.addedAt) })}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td ta="right">
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {attendee.convertedItemId && attendee.convertedItemKind ? (
            <ConvertedItemLink kind={attendee.convertedItemKind} id={attendee.convertedItemId} />
          ) : (
            !converted &&
            canConvert && (
              <Button
                variant="light"
                size="compact-sm"
                leftSection={<IconArrowsExchange size={14} aria-hidden />}
                onClick={onConvert}
                data-testid="convert-attendee"
              >
                {t('events.attendees.convert')}
              </Button>
            )
          )}
          {canRemove && (
            <Tooltip label={t('events.attendees.remove')} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onRemove}
                aria-label={t('events.attendees.removeOne', { name: attendee.contactName })}
                data-testid="remove-attendee"
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
