import { useState } from 'react';
import type { Me, Task } from '@irm/contracts';
import { ActionIcon, Anchor, Avatar, Badge, Checkbox, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlarm, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmModal, FormError, notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useDeleteTask, useUpdateTask } from '../hooks/use-tasks';
import { subjectPath } from '../paths';
import { canDeleteTask, canEditTask } from './task-rules';
import { TaskFormModal } from './TaskFormModal';

interface TaskItemProps {
  task: Task;
  me: Me;
  /** In the inbox, each task says what it is about; on a record's page that goes without saying. */
  showSubject: boolean;
  first: boolean;
}

/** One task: tick it done (or undo), see when it is due and for whom; edit or delete it if allowed. */
export function TaskItem({ task, me, showSubject, first }: TaskItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const toggle = useUpdateTask();
  const remove = useDeleteTask();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const editable = canEditTask(task, me);
  const link = task.subjectType && task.subjectId ? subjectPath(task.subjectType, task.subjectId) : null;

  const setDone = (done: boolean) =>
    toggle.mutate(
      { task, changes: { done } },
      {
        onSuccess: (updated) =>
          notify({
            tone: 'success',
            message: t(updated.done ? 'tasks.completedNotice' : 'tasks.reopenedNotice', { title: updated.title }),
          }),
        onError: (error) =>
          notify({ tone: 'error', message: isStaleVersion(error) ? t('tasks.stale') : t('tasks.toggleFailed') }),
      },
    );

  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="task-item"
      data-done={task.done || undefined}
    >
      <Checkbox
        mt={2}
        radius="xl"
        // Ticked at once; the lists catch up when the server has saved it.
        checked={toggle.isPending ? (toggle.variables.changes.done ?? task.done) : task.done}
        disabled={!editable || toggle.isPending}
        onChange={(event) => setDone(event.currentTarget.checked)}
        aria-label={t(task.done ? 'tasks.markOpen' : 'tasks.markDone', { title: task.title })}
        data-testid="task-done"
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text
          size="sm"
          fw={500}
          td={task.done ? 'line-through' : undefined}
          c={task.done ? 'dimmed' : undefined}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="task-title"
        >
          {task.title}
        </Text>
        <Group gap="xs" wrap="wrap">
          {task.overdue ? (
            <Badge color="red" variant="light" size="sm" tt="none" leftSection={<IconAlarm size={12} aria-hidden />}>
              {t('tasks.dueAt', { when: format.dateTime(task.dueAt) })}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed">
              {task.done && task.doneAt
                ? t('tasks.doneAt', { when: format.dateTime(task.doneAt) })
                : t('tasks.dueAt', { when: format.dateTime(task.dueAt) })}
            </Text>
          )}
          {showSubject &&
            task.subjectType &&
            (link && task.subjectName ? (
              <Anchor component={Link} to={link} size="xs" data-testid="task-subject">
                {t(`tasks.subject.${task.subjectType}`)}: {task.subjectName}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed">
                {task.subjectName ?? t('tasks.removedSubject')}
              </Text>
            ))}
        </Group>
        {task.notes && (
          <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
            {task.notes}
          </Text>
        )}
      </Stack>
      {task.assigneeId !== me.id && (
        <Tooltip label={`${t('tasks.assignee')}: ${task.assigneeName}`}>
          <Avatar name={task.assigneeName} color="initials" radius="xl" size={26} aria-label={task.assigneeName} />
        </Tooltip>
      )}
      {editable && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('tasks.actions', { title: task.title })}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
              {t('tasks.edit')}
            </Menu.Item>
            {canDeleteTask(task, me) && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => setDeleting(true)}
              >
                {t('tasks.delete')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      <TaskFormModal me={me} task={task} opened={editing} onClose={() => setEditing(false)} />
      <ConfirmModal
        opened={deleting}
        title={t('tasks.deleteTitle')}
        message={t('tasks.deleteConfirm', { title: task.title })}
        confirmLabel={t('tasks.delete')}
        destructive
        pending={remove.isPending}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        onConfirm={() =>
          remove.mutate(task, {
            onSuccess: () => {
              notify({ tone: 'success', message: t('tasks.deletedNotice') });
              setDeleting(false);
            },
          })
        }
      >
        {remove.isError && <FormError error={remove.error} title={t('tasks.deleteFailed')} />}
      </ConfirmModal>
    </Group>
  );
}
