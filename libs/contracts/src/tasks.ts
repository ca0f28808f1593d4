import type { RecordSubjectType } from './timeline';

/** Where an open task falls, counted in the business time zone (TZ_BUSINESS). */
export enum TaskBucket {
  /** Not done and its due time has passed. */
  Overdue = 'overdue',
  /** Not done, due later today. */
  Today = 'today',
  /** Not done, due tomorrow or later. */
  Upcoming = 'upcoming',
  Done = 'done',
}

export interface Task {
  id: string;
  title: string;
  notes: string | null;
  dueAt: string;
  /** When to remind the assignee; never after `dueAt`. */
  remindAt: string | null;
  assigneeId: string;
  assigneeName: string;
  subjectType: RecordSubjectType | null;
  subjectId: string | null;
  /** The subject's name (investor, contact, zone), for links. */
  subjectName: string | null;
  done: boolean;
  doneAt: string | null;
  /** Not done and past its due time. */
  overdue: boolean;
  createdById: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateTaskRequest {
  title: string;
  notes?: string | null;
  dueAt: string;
  remindAt?: string | null;
  /** Defaults to you; someone else needs a manager. */
  assigneeId?: string;
  /** Both or neither. */
  subjectType?: RecordSubjectType | null;
  subjectId?: string | null;
  done?: boolean;
}

export interface UpdateTaskRequest extends Partial<CreateTaskRequest> {
  version: number;
}

export interface TaskListQuery {
  /** Only the signed-in person's tasks. */
  mine?: boolean;
  assigneeId?: string;
  bucket?: TaskBucket;
  subjectType?: RecordSubjectType;
  subjectId?: string;
  limit?: number;
  cursor?: string;
}

/** The signed-in person's open tasks per bucket, for the navigation badge. */
export interface TaskSummary {
  overdue: number;
  today: number;
  upcoming: number;
}
