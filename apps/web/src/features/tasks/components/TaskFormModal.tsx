import { useState, type FormEvent } from 'react';
import type { Me, RecordSubjectType, Task, UserSummary } from '@irm/contracts';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useFormatters } from '../../../shared/i18n';
import { DateTimeField, FormError, notify } from '../../../shared/ui';
import { ColleaguePicker } from '../../people';
import { isStaleVersion } from '../../records';
import { useCreateTask, useUpdateTask } from '../hooks/use-tasks';
import {
  defaultDueAt,
  isManager,
  reminderChoiceOf,
  remindAtFor,
  REMINDER_OFFSETS,
  type ReminderChoice,
} from './task-rules';

const SHOWN_FIELDS = ['title', 'dueAt', 'remindAt', 'assigneeId'] as const;

interface TaskFormModalProps {
  me: Me;
  opened: boolean;
  onClose: () => void;
  /** The task to change; a new one when absent. */
  task?: Task;
  /** The record a new task is about. */
  subject?: { type: RecordSubjectType; id: string; name: string };
}

export function TaskFormModal({ me, opened, onClose, task, subject }: TaskFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={task ? t('tasks.editTitle') : t('tasks.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <TaskForm me={me} task={task} subject={subject} onDone={onClose} />}
    </Modal>
  );
}

function TaskForm({
  me,
  task,
  subject,
  onDone,
}: {
  me: Me;
  task?: Task;
  subject?: TaskFormModalProps['subject'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const create = useCreateTask();
  const update = useUpdateTask();
  const mutation = task ? update : create;
  const [title, setTitle] = useState(task?.title ?? '');
  const [dueAt, setDueAt] = useState<string | null>(task?.dueAt ?? defaultDueAt());
  const [reminder, setReminder] = useState<ReminderChoice>(
    task ? reminderChoiceOf(task.dueAt, task.remindAt) : 'hour1',
  );
  const [assignee, setAssignee] = useState<UserSummary | null>(
    task ? { id: task.assigneeId, name: task.assigneeName, email: '' } : { id: me.id, name: me.name, email: me.email },
  );
  const [notes, setNotes] = useState(task?.notes ?? '');
  const [touched, setTouched] = useState(false);
  const canAssign = isManager(me);
  const serverError = (field: string) => (isApiError(mutation.error) ? mutation.error.fieldError(field) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim() || !dueAt || !assignee) return;
    const request = {
      title: title.trim(),
      dueAt,
      remindAt: remindAtFor(reminder, dueAt, task?.remindAt ?? null),
      notes: notes.trim() || null,
      ...(assignee.id !== (task?.assigneeId ?? me.id) ? { assigneeId: assignee.id } : {}),
    };
    const saved = (result: Task, message: string) => {
      notify({ tone: 'success', message: t(message as never, { title: result.title }) as string });
      onDone();
    };
    if (task) update.mutate({ task, changes: request }, { onSuccess: (result) => saved(result, 'tasks.savedNotice') });
    else
      create.mutate(
        { ...request, ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}) },
        { onSuccess: (result) => saved(result, 'tasks.createdNotice') },
      );
  };

  const reminderOptions = [
    { value: 'none', label: t('tasks.reminderOption.none') },
    ...Object.keys(REMINDER_OFFSETS).map((key) => ({
      value: key,
      label: t(`tasks.reminderOption.${key as keyof typeof REMINDER_OFFSETS}`),
    })),
    ...(task?.remindAt && reminderChoiceOf(task.dueAt, task.remindAt) === 'custom'
      ? [{ value: 'custom', label: t('tasks.reminderOption.custom', { when: format.dateTime(task.remindAt) }) }]
      : []),
  ];

  return (
    <form onSubmit={submit} noValidate data-testid="task-form">
      <Stack gap="md">
        {subject && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('tasks.about')}:
            </Text>{' '}
            {subject.name}
          </Text>
        )}
        <TextInput
          label={t('tasks.taskTitle')}
          placeholder={t('tasks.taskTitlePlaceholder')}
          required
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={touched && !title.trim() ? t('tasks.titleRequired') : serverError('title')}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <DateTimeField
            label={t('tasks.due')}
            required
            value={dueAt}
            onChange={setDueAt}
            error={touched && !dueAt ? t('tasks.dueRequired') : serverError('dueAt')}
          />
          <Select
            label={t('tasks.reminder')}
            data={reminderOptions}
            value={reminder}
            onChange={(value) => setReminder((value as ReminderChoice | null) ?? 'none')}
            allowDeselect={false}
            error={serverError('remindAt')}
          />
        </SimpleGrid>
        {canAssign ? (
          <ColleaguePicker
            label={t('tasks.assignee')}
            placeholder={t('tasks.assigneeSearch')}
            required
            value={assignee}
            onChange={setAssignee}
            error={serverError('assigneeId')}
          />
        ) : (
          <TextInput
            label={t('tasks.assignee')}
            description={t('tasks.assigneeHintStaff')}
            value={assignee?.id === me.id ? t('tasks.assigneeMe', { name: me.name }) : (assignee?.name ?? '')}
            disabled
          />
        )}
        <Textarea
          label={t('tasks.notes')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        {isStaleVersion(mutation.error) ? (
          <Alert color="orange" variant="light" role="alert" title={t('tasks.saveFailed')}>
            {t('tasks.stale')}
          </Alert>
        ) : (
          <FormError
            error={mutation.error}
            title={task ? t('tasks.saveFailed') : t('tasks.createFailed')}
            shownFields={SHOWN_FIELDS}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="task-submit">
            {task ? t('common.saveChanges') : t('tasks.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
