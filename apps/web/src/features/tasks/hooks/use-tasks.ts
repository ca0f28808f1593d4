import type { CreateTaskRequest, Task, UpdateTaskRequest } from '@irm/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys, type TaskListFilters } from '../../../shared/api';
import { isStaleVersion } from '../../records';
import { createTask, deleteTask, fetchTaskSummary, fetchTasks, updateTask } from '../api/tasks.api';

/** The badge and the tab counts follow changes made elsewhere (a manager giving a task) within a minute. */
const SUMMARY_REFRESH_MS = 60_000;

export function useTaskList(filters: TaskListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.tasks.list(filters),
    queryFn: ({ pageParam, signal }) => fetchTasks(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The signed-in person's open tasks per bucket. */
export function useTaskSummary() {
  return useQuery({
    queryKey: queryKeys.tasks.summary(),
    queryFn: ({ signal }) => fetchTaskSummary(signal),
    refetchInterval: SUMMARY_REFRESH_MS,
  });
}

/** Every task list and count may change with one task; so may the timeline of the record it is about. */
function refreshAfter(queryClient: QueryClient, ...tasks: (Pick<Task, 'subjectType' | 'subjectId'> | undefined)[]) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all() });
  for (const task of tasks) {
    if (task?.subjectType && task.subjectId) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject(task.subjectType, task.subjectId) });
    }
  }
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTaskRequest) => createTask(request),
    onSuccess: (created) => refreshAfter(queryClient, created),
  });
}

export interface TaskChange {
  /** The task as the person saw it: its `version` guards against overwriting someone else's change. */
  task: Task;
  changes: Omit<UpdateTaskRequest, 'version'>;
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, changes }: TaskChange) => updateTask(task.id, { ...changes, version: task.version }),
    onSuccess: (updated, { task }) => refreshAfter(queryClient, updated, task),
    onError: (error) => {
      if (isStaleVersion(error)) refreshAfter(queryClient);
    },
  });
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => deleteTask(task.id, task.version),
    onSuccess: () => refreshAfter(queryClient),
    onError: (error) => {
      if (isStaleVersion(error)) refreshAfter(queryClient);
    },
  });
}
