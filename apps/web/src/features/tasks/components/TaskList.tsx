import type { Me } from '@irm/contracts';
import { Button, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui';
import type { useTaskList } from '../hooks/use-tasks';
import { TaskItem } from './TaskItem';

interface TaskListProps {
  list: ReturnType<typeof useTaskList>;
  me: Me;
  showSubject: boolean;
  empty: ReactNode;
  testId: string;
}

/** Tasks with loading, error and empty states, and "load more" for long lists. */
export function TaskList({ list, me, showSubject, empty, testId }: TaskListProps) {
  const { t } = useTranslation();
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (list.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  }
  if (list.isError && tasks.length === 0) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  }
  if (tasks.length === 0 && !list.hasNextPage) return <>{empty}</>;
  return (
    <Stack gap={0}>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid={testId}>
        {tasks.map((task, index) => (
          <TaskItem key={task.id} task={task} me={me} showSubject={showSubject} first={index === 0} />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button variant="default" mt="sm" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
