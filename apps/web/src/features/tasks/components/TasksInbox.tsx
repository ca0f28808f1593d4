import { useMemo } from 'react';
import { TaskBucket, type TaskSummary } from '@irm/contracts';
import { Badge, Button, Card, EmptyState, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui';
import { useCurrentUser } from '../../auth';
import { useTaskList, useTaskSummary } from '../hooks/use-tasks';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

const BUCKETS = [TaskBucket.Overdue, TaskBucket.Today, TaskBucket.Upcoming, TaskBucket.Done] as const;
const isBucket = (value: string | null): value is TaskBucket => BUCKETS.includes(value as TaskBucket);

/** "My tasks": overdue, due later today, coming up, and done; the tab lives in the address. */
export function TasksInbox() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [createOpened, createModal] = useDisclosure(false);
  const summary = useTaskSummary();
  const requested = params.get('tab');
  const tab = isBucket(requested) ? requested : TaskBucket.Today;

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        description={t('tasks.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open} data-testid="new-task">
            {t('tasks.add')}
          </Button>
        }
      />
      <Card withBorder radius="lg" padding={0}>
        <Tabs
          value={tab}
          onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List px="md" pt="xs">
            {BUCKETS.map((bucket) => (
              <Tabs.Tab
                key={bucket}
                value={bucket}
                rightSection={<CountBadge bucket={bucket} summary={summary.data} />}
                data-testid={`tasks-tab-${bucket}`}
              >
                {t(`tasks.tab.${bucket}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {BUCKETS.map((bucket) => (
            <Tabs.Panel key={bucket} value={bucket} p="md">
              <BucketList bucket={bucket} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
      <TaskFormModal me={me} opened={createOpened} onClose={createModal.close} />
    </>
  );
}

function CountBadge({ bucket, summary }: { bucket: TaskBucket; summary?: TaskSummary }) {
  if (!summary || bucket === TaskBucket.Done || summary[bucket] === 0) return null;
  return (
    <Badge
      size="sm"
      variant={bucket === TaskBucket.Overdue ? 'filled' : 'light'}
      color={bucket === TaskBucket.Overdue ? 'red' : 'gray'}
      circle={summary[bucket] < 10}
    >
      {summary[bucket]}
    </Badge>
  );
}

function BucketList({ bucket }: { bucket: TaskBucket }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const filters = useMemo(() => ({ mine: true, bucket }), [bucket]);
  const list = useTaskList(filters);
  return (
    <TaskList
      list={list}
      me={me}
      showSubject
      testId={`tasks-${bucket}`}
      empty={
        <EmptyState
          py="xl"
          icon={<IconChecklist aria-hidden />}
          title={t(`tasks.empty.${bucket}`)}
          description={t('tasks.emptyHint')}
          data-testid="tasks-empty"
        />
      }
    />
  );
}
