import { RecordSubjectType } from '@irm/contracts';
import { contactPath } from '../contacts/paths';
import { investorPath } from '../organizations/paths';

export const TASKS_PATH = '/tasks';

/** Where a task's subject is shown; null for records that have no page yet. */
export function subjectPath(type: RecordSubjectType, id: string): string | null {
  switch (type) {
    case RecordSubjectType.Organization:
      return investorPath(id);
    case RecordSubjectType.Contact:
      return contactPath(id);
    case RecordSubjectType.Zone:
      return `/zones/${encodeURIComponent(id)}`;
    default:
      return null;
  }
}
