import { RecordSubjectType, recordPath } from '@irm/contracts';

export const TASKS_PATH = '/tasks';

/** Where a task's subject is shown. */
export function subjectPath(type: RecordSubjectType, id: string): string {
  return recordPath(type, id);
}
