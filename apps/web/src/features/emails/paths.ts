import { RecordSubjectType } from '@irm/contracts';
import { contactPath } from '../contacts/paths';
import { investorPath } from '../organizations/paths';
import { KIND_SETTINGS } from '../pipelines/kinds';
import { itemPath } from '../pipelines/paths';

export const FAILED_EMAILS_PATH = '/admin/emails';
/** Bull Board, served by the API itself (not a page of this app). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const UNSUBSCRIBE_PATH = '/unsubscribe/:token';

/** The page of the record an email is about; null for a kind of record with no page. */
export function emailSubjectPath(type: RecordSubjectType, id: string): string | null {
  switch (type) {
    case RecordSubjectType.Organization:
      return investorPath(id);
    case RecordSubjectType.Contact:
      return contactPath(id);
    case RecordSubjectType.Zone:
      return `/zones/${encodeURIComponent(id)}`;
    default: {
      const kind = Object.values(KIND_SETTINGS).find((settings) => settings.subjectType === type)?.kind;
      return kind ? itemPath(kind, id) : null;
    }
  }
}
