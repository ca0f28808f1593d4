import type { CreateTaskRequest, Page, Task, TaskSummary, UpdateTaskRequest } from '@irm/contracts';
import { api, type TaskListFilters } from '../../../shared/api';

const PAGE_SIZE = 50;
const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export function fetchTasks(filters: TaskListFilters, cursor: string | null, signal?: AbortSignal): Promise<Page<Task>> {
  return api.get<Page<Task>>('/tasks', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });
}

export function fetchTaskSummary(signal?: AbortSignal): Promise<TaskSummary> {
  return api.get<TaskSummary>('/tasks/summary', { signal });
}

export function createTask(request: CreateTaskRequest): Promise<Task> {
  return api.post<Task>('/tasks', request);
}

export function updateTask(id: string, request: UpdateTaskRequest): Promise<Task> {
  return api.patch<Task>(taskPath(id), request);
}

export function deleteTask(id: string, version: number): Promise<void> {
  return api.delete(taskPath(id), { query: { version } });
}
