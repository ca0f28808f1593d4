import { useMemo } from 'react';
import type { RecordSubjectType } from '@irm/contracts';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth';
import { useTaskList } from '../hooks/use-tasks';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

interface TasksPanelProps {
  subjectType: RecordSubjectType;
  subjectId: string;
  /** The record's name, shown in the form of a new task. */
  subjectName: string;
}

/** The tasks about one record, by due time, with a way to add one. */
export function TasksPanel({ subjectType, subjectId, subjectName }: TasksPanelProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [createOpened, createModal] = useDisclosure(false);
  const filters = useMemo(() => ({ subjectType, subjectId }), [subjectType, subjectId]);
  const list = useTaskList(filters);
  const titleId = `tasks-${subjectId}-title`;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby={titleId} data-testid="tasks-panel">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="lg" id={titleId}>
          {t('tasks.panelTitle')}
        </Title>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={createModal.open}
          data-testid="add-task"
        >
          {t('tasks.add')}
        </Button>
      </Group>
      <TaskList
        list={list}
        me={me}
        showSubject={false}
        testId="record-tasks"
        empty={
          <Text size="sm" c="dimmed">
            {t('tasks.panelEmpty')}
          </Text>
        }
      />
      <TaskFormModal
        me={me}
        opened={createOpened}
        onClose={createModal.close}
        subject={{ type: subjectType, id: subjectId, name: subjectName }}
      />
    </Card>
  );
}
