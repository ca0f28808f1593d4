import { useState } from 'react';
import {
  Role,
  TimelineEntryKind,
  type EditPayload,
  type EmailEventPayload,
  type InteractionPayload,
  type Me,
  type TaskEventPayload,
  type TimelineEntry,
} from '@irm/contracts';
import { isAuthoredKind, toEditableText, toStoredBody, type ChosenMention } from '@irm/domain';
import { ActionIcon, Alert, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowMerge,
  IconArrowRight,
  IconCircleCheck,
  IconDots,
  IconListCheck,
  IconMail,
  IconMessage,
  IconNote,
  IconPencil,
  IconPhone,
  IconPlus,
  IconTrash,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmModal, FormError, notify } from '../../../shared/ui';
import { EmailDelivery } from '../../emails';
import {
  PortalEntryDetail,
  PortalEntryIcon,
  portalEntryAuthor,
  portalEntryColor,
  portalEntryTitle,
} from '../../investor-portal';
import { isForbidden, isStaleVersion } from '../../records';
import { useDeleteTimelineEntry, useUpdateTimelineEntry } from '../hooks/use-timeline';
import { EntryBody } from './EntryBody';
import { MentionTextarea } from './MentionTextarea';

const ICONS: Record<TimelineEntryKind, Icon> = {
  [TimelineEntryKind.Note]: IconNote,
  [TimelineEntryKind.Call]: IconPhone,
  [TimelineEntryKind.Meeting]: IconUsers,
  [TimelineEntryKind.Edit]: IconPencil,
  [TimelineEntryKind.Task]: IconListCheck,
  [TimelineEntryKind.StageMove]: IconArrowRight,
  [TimelineEntryKind.Email]: IconMail,
  [TimelineEntryKind.PortalMessage]: IconMessage,
};
const COLORS: Partial<Record<TimelineEntryKind, string>> = {
  [TimelineEntryKind.Note]: 'blue',
  [TimelineEntryKind.Call]: 'teal',
  [TimelineEntryKind.Meeting]: 'grape',
  [TimelineEntryKind.Task]: 'orange',
  [TimelineEntryKind.Email]: 'indigo',
  [TimelineEntryKind.PortalMessage]: 'cyan',
};

/** The bullet of an entry on the timeline line: what kind of thing happened. */
export function EntryBullet({ entry }: { entry: TimelineEntry }) {
  if (entry.kind === TimelineEntryKind.PortalMessage) return <PortalEntryIcon entry={entry} />;
  const edit = entry.kind === TimelineEntryKind.Edit ? (entry.payload as Partial<EditPayload> | null) : null;
  const task = entry.kind === TimelineEntryKind.Task ? (entry.payload as Partial<TaskEventPayload> | null) : null;
  const Icon =
    edit?.action === 'create'
      ? IconPlus
      : edit?.action === 'merge'
        ? IconArrowMerge
        : task?.event === 'completed'
          ? IconCircleCheck
          : ICONS[entry.kind];
  return <Icon size={14} aria-hidden />;
}

export function entryColor(entry: TimelineEntry): string {
  if (entry.kind === TimelineEntryKind.PortalMessage) return portalEntryColor(entry);
  return COLORS[entry.kind] ?? 'gray';
}

function entryTitle(entry: TimelineEntry, t: TFunction): string {
  switch (entry.kind) {
    case TimelineEntryKind.Edit: {
      const edit = entry.payload as Partial<EditPayload> | null;
      if (edit?.action === 'create') return t('timeline.entry.created');
      if (edit?.action === 'merge') return t('timeline.entry.merged', { name: edit.mergedName ?? '' });
      return t('timeline.entry.edit');
    }
    case TimelineEntryKind.Task: {
      const task = entry.payload as Partial<TaskEventPayload> | null;
      const title = task?.title ?? '';
      if (task?.event === 'completed') return t('timeline.entry.taskCompleted', { title });
      if (task?.event === 'reopened') return t('timeline.entry.taskReopened', { title });
      return t('timeline.entry.taskCreated', { title });
    }
    case TimelineEntryKind.Email: {
      const subject = (entry.payload as Partial<EmailEventPayload> | null)?.subject;
      return subject ? t('emails.timelineTitle', { subject }) : t('timeline.entry.email');
    }
    case TimelineEntryKind.Call:
    case TimelineEntryKind.Meeting: {
      const minutes = (entry.payload as Partial<InteractionPayload> | null)?.durationMinutes;
      const kind = t(`timeline.entry.${entry.kind}`);
      return minutes ? `${kind} · ${t('timeline.minutes', { count: minutes })}` : kind;
    }
    case TimelineEntryKind.PortalMessage:
      return portalEntryTitle(entry, t);
    default:
      return t(`timeline.entry.${entry.kind}`);
  }
}

function fieldLabel(field: string, t: TFunction): string {
  const key = `timeline.field.${field}`;
  return t(key as never, { defaultValue: field }) as string;
}

/** Whether this person may change the entry; the server applies the same rule. */
function canChange(entry: TimelineEntry, me: Me): boolean {
  if (!isAuthoredKind(entry.kind)) return false;
  return me.role === Role.Manager || me.role === Role.Admin || entry.authorId === me.id;
}

interface TimelineEntryItemProps {
  entry: TimelineEntry;
  me: Me;
}

/** One thing that happened: who, when, what; the author's own notes, calls and meetings can be edited or deleted. */
export function TimelineEntryContent({ entry, me }: TimelineEntryItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteTimelineEntry(entry.subjectType, entry.subjectId);
  const interaction =
    entry.kind === TimelineEntryKind.Call || entry.kind === TimelineEntryKind.Meeting
      ? (entry.payload as Partial<InteractionPayload> | null)
      : null;
  const edit = entry.kind === TimelineEntryKind.Edit ? (entry.payload as Partial<EditPayload> | null) : null;
  const task = entry.kind === TimelineEntryKind.Task ? (entry.payload as Partial<TaskEventPayload> | null) : null;
  const email = entry.kind === TimelineEntryKind.Email ? (entry.payload as Partial<EmailEventPayload> | null) : null;
  // Words exchanged with the investor: shown as theirs or ours, never edited here (they went out by email).
  const portal = entry.kind === TimelineEntryKind.PortalMessage;
  const closeDelete = () => {
    remove.reset();
    setConfirmDelete(false);
  };

  return (
    <Stack gap={4} data-testid="timeline-entry" data-kind={entry.kind}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {entryTitle(entry, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('timeline.by', {
              name: portal ? portalEntryAuthor(entry, t) : (entry.authorName ?? t('timeline.system')),
              when: format.dateTime(entry.occurredAt),
            })}
            {entry.version > 1 && ` · ${t('timeline.edited')}`}
          </Text>
        </div>
        {canChange(entry, me) && !editing && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('timeline.actions')}
                data-testid="timeline-entry-menu"
              >
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                {t('timeline.edit')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => setConfirmDelete(true)}
              >
                {t('timeline.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {portal ? (
        <PortalEntryDetail entry={entry} />
      ) : editing ? (
        <EntryEditor entry={entry} onDone={() => setEditing(false)} />
      ) : (
        entry.body && <EntryBody body={entry.body} mentions={entry.mentions} />
      )}
      {interaction && (interaction.outcome || (interaction.participants?.length ?? 0) > 0) && (
        <Group gap="xs" wrap="wrap">
          {interaction.outcome && (
            <Text size="sm">
              <Text span size="sm" c="dimmed">
                {t('timeline.outcome')}:
              </Text>{' '}
              {interaction.outcome}
            </Text>
          )}
          {interaction.participants?.map((name) => (
            <Badge key={name} variant="light" color="gray" radius="sm" tt="none">
              {name}
            </Badge>
          ))}
        </Group>
      )}
      {edit?.action !== 'create' && edit?.fields && edit.fields.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('timeline.entry.changedFields', { fields: edit.fields.map((f) => fieldLabel(f, t)).join(', ') })}
        </Text>
      )}
      {email?.emailMessageId && <EmailDelivery email={email} />}
      {task && task.assigneeName && task.dueAt && (
        <Text size="sm" c="dimmed">
          {t('timeline.entry.taskDetail', { assignee: task.assigneeName, due: format.dateTime(task.dueAt) })}
        </Text>
      )}
      <ConfirmModal
        opened={confirmDelete}
        title={t('timeline.deleteTitle')}
        message={t('timeline.deleteConfirm')}
        confirmLabel={t('timeline.delete')}
        destructive
        pending={remove.isPending}
        onClose={closeDelete}
        onConfirm={() =>
          remove.mutate(entry, {
            onSuccess: () => {
              notify({ tone: 'success', message: t('timeline.deleted') });
              setConfirmDelete(false);
            },
          })
        }
      >
        {remove.isError && <EntryWriteError error={remove.error} title={t('timeline.deleteFailed')} />}
      </ConfirmModal>
    </Stack>
  );
}

/** Why a change or deletion failed; someone else's newer change and a refusal are said in plain words. */
function EntryWriteError({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation();
  const known = isStaleVersion(error) ? t('timeline.stale') : isForbidden(error) ? t('timeline.forbidden') : null;
  if (!known) return <FormError error={error} title={title} />;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{known}</Text>
    </Alert>
  );
}

function EntryEditor({ entry, onDone }: { entry: TimelineEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const initial = toEditableText(entry.body ?? '');
  const [text, setText] = useState(initial.text);
  const [mentions, setMentions] = useState<ChosenMention[]>(initial.mentions);
  const update = useUpdateTimelineEntry(entry.subjectType, entry.subjectId);
  const needsText = entry.kind === TimelineEntryKind.Note;
  const body = toStoredBody(text.trim(), mentions);
  const save = () => update.mutate({ entry, changes: { body: body || null } }, { onSuccess: () => onDone() });
  return (
    <Stack gap="xs" data-testid="timeline-entry-editor">
      <MentionTextarea
        aria-label={t('timeline.edit')}
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        onChange={setText}
        mentions={mentions}
        onMentionsChange={setMentions}
        error={needsText && !body ? t('timeline.noteRequired') : undefined}
        data-autofocus
      />
      {update.isError && <EntryWriteError error={update.error} title={t('timeline.editFailed')} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onDone} disabled={update.isPending}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" onClick={save} loading={update.isPending} disabled={needsText && !body}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
