import { RecordSubjectType } from './timeline';

const RECORD_SEGMENTS: Record<RecordSubjectType, string> = {
  [RecordSubjectType.Organization]: 'investors',
  [RecordSubjectType.Contact]: 'contacts',
  [RecordSubjectType.Zone]: 'zones',
  [RecordSubjectType.Prospect]: 'prospects',
  [RecordSubjectType.LandEnquiry]: 'land-enquiries',
  [RecordSubjectType.LoanApplication]: 'loan-applications',
  [RecordSubjectType.EventContact]: 'event-contacts',
};

/** The web page of a record, e.g. `/land-enquiries/<id>`; emails link to it under APP_URL. */
export function recordPath(type: RecordSubjectType, id: string): string {
  return `/${RECORD_SEGMENTS[type]}/${encodeURIComponent(id)}`;
}
