import { LOAN_DOCUMENTS } from '../pipelines/move-rules';
import { dayNumber, localDate, LocalDate, WorkingDays, zonedInstant } from '../calendar/working-days';

/** Applicants are told of a loan deadline at this local time, on a working day before it. */
export const LOAN_DEADLINE_NOTICE_TIME = '08:00';

/**
 * When to remind the applicant of a deadline: at 08:00 (business time zone) `noticeWorkingDays` working days
 * before it. Null when there is no deadline or it has already passed; a deadline nearer than the notice gives
 * a moment already past, so the reminder goes out at once.
 */
export function deadlineNoticeAt(
  days: WorkingDays,
  deadline: LocalDate | null,
  noticeWorkingDays: number,
  now: Date,
): Date | null {
  if (deadline === null) return null;
  if (dayNumber(deadline) < dayNumber(localDate(now, days.calendar.timeZone))) return null;
  return zonedInstant(days.subtract(deadline, noticeWorkingDays), LOAN_DEADLINE_NOTICE_TIME, days.calendar.timeZone);
}

/** The checklist documents some stage requires that are not on file yet, in checklist order. */
export function outstandingLoanDocuments(receivedKeys: Iterable<string>): typeof LOAN_DOCUMENTS {
  const received = new Set(receivedKeys);
  return LOAN_DOCUMENTS.filter((document) => document.requiredFromStage !== null && !received.has(document.key));
}
