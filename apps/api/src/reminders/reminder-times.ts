import type { LocalDate, WorkingDays } from '@irm/domain';

/** Staff reminders about SLAs and follow-ups arrive at the start of the working day, local time. */
export const REMINDER_LOCAL_TIME = '08:00';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the time zone is ahead of UTC at an instant. */
function offsetMs(instant: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time (`HH:MM`) is reached on a local date in a time zone. */
export function localDateTime(date: LocalDate, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  // Two passes settle the offset even on the day it changes (daylight saving time, where a zone has it).
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The owner's overdue reminder: 08:00 local on the first overdue day. */
export function slaOverdueDueAt(overdueFrom: LocalDate, timeZone: string): Date {
  return localDateTime(overdueFrom, REMINDER_LOCAL_TIME, timeZone);
}

/** The managers' escalation: 08:00 local, `afterWorkingDays` working days after the first overdue day. */
export function slaEscalationDueAt(days: WorkingDays, overdueFrom: LocalDate, afterWorkingDays: number): Date {
  return localDateTime(days.add(overdueFrom, afterWorkingDays), REMINDER_LOCAL_TIME, days.calendar.timeZone);
}

/** The event follow-up: 08:00 local, `afterWorkingDays` working days after the event's last day. */
export function eventFollowUpDueAt(days: WorkingDays, endsOn: LocalDate, afterWorkingDays: number): Date {
  return localDateTime(days.add(endsOn, afterWorkingDays), REMINDER_LOCAL_TIME, days.calendar.timeZone);
}
