/**
 * Working-day arithmetic for response-time commitments (SLAs): days in the business time zone, weekends and
 * public holidays excluded. Pure: the calendar (time zone, holidays, weekend) is passed in.
 */

/** A calendar date in the business time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

export interface WorkingCalendar {
  /** IANA time zone the agency works in, e.g. `Asia/Ho_Chi_Minh`. */
  timeZone: string;
  /** Days off besides the weekend. */
  holidays: Iterable<LocalDate>;
  /** Weekdays off, 0 = Sunday … 6 = Saturday; Saturday and Sunday when absent. */
  weekend?: readonly number[];
}

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date (its own count, no time zone involved). */
export function dayNumber(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [, year, month, day] = match.map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) throw new RangeError(`No such date: ${date}`);
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatLocalDate(instant: Date, timeZone: string): LocalDate {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * Per time zone, per UTC day: the zone's offset in milliseconds for the whole day, or NaN on a day it changes. Asking
 * Intl costs microseconds a call, and lists ask for a date per row; the offset is asked twice per day instead.
 * (No zone changes its offset twice within one day, so the same offset at both ends holds in between.)
 */
const dayOffsets = new Map<string, Map<number, number>>();
const DAY_OFFSETS_KEPT = 8192;

function offsetForDay(utcDay: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(utcDay);
  if (offset === undefined) {
    const start = offsetMs(utcDay * DAY_MS, timeZone);
    const end = offsetMs((utcDay + 1) * DAY_MS - 1000, timeZone);
    offset = start === end ? start : NaN;
    if (days.size >= DAY_OFFSETS_KEPT) days.clear();
    days.set(utcDay, offset);
  }
  return offset;
}

/** The date an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const day = localDayNumber(instant, timeZone);
  return day === null ? formatLocalDate(instant, timeZone) : fromDayNumber(day);
}

/** dayNumber(localDate(instant, timeZone)), without the text; null where only Intl can tell. */
function localDayNumber(instant: Date, timeZone: string): number | null {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) return null;
  const offset = offsetForDay(Math.floor(ms / DAY_MS), timeZone);
  return Number.isNaN(offset) ? null : Math.floor((ms + offset) / DAY_MS);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the time zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  return Math.round(offsetMs(instant, timeZone) / 60_000);
}

/** Milliseconds (whole seconds) the time zone is ahead of UTC at an instant. */
function offsetMs(instant: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
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
    offsetFormatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time (`HH:MM`) on a local date happens in a time zone. */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not an HH:MM time: ${time}`);
  const wall = dayNumber(date) * DAY_MS + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  // The offset at the guess, then at the corrected instant (they differ only around a DST change).
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

/** A calendar prepared for repeated questions: holidays as sorted day numbers, off days of the week as a set. */
export class WorkingDays {
  private readonly holidays: number[];
  private readonly weekend: ReadonlySet<number>;
  private readonly workingPerWeek: number;

  constructor(readonly calendar: WorkingCalendar) {
    this.weekend = new Set(calendar.weekend ?? [0, 6]);
    this.workingPerWeek = 7 - this.weekend.size;
    if (this.workingPerWeek === 0) throw new RangeError('A week needs at least one working day');
    // Only holidays on working weekdays change a count; a holiday on a Sunday is a Sunday.
    this.holidays = [...new Set([...calendar.holidays].map(dayNumber))]
      .filter((day) => !this.weekend.has(weekday(day)))
      .sort((a, b) => a - b);
  }

  isWorkingDay(date: LocalDate): boolean {
    const day = dayNumber(date);
    return !this.weekend.has(weekday(day)) && !this.isHoliday(day);
  }

  /** Working days d with from < d <= to: 0 on the same day, 1 from a Friday to the next Monday. Negative if reversed. */
  between(from: LocalDate, to: LocalDate): number {
    return this.betweenDays(dayNumber(from), dayNumber(to));
  }

  /** The local date `days` working days after `from` (the date itself for 0). */
  add(from: LocalDate, days: number): LocalDate {
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, 0 or more');
    let day = dayNumber(from);
    // Whole weeks first, then one day at a time; holidays on the way push the date on.
    let left = days;
    while (left > 0) {
      const weeks = Math.floor((left - 1) / this.workingPerWeek);
      if (weeks > 0) {
        const target = day + weeks * 7;
        left -= this.between(fromDayNumber(day), fromDayNumber(target));
        day = target;
        continue;
      }
      day += 1;
      if (!this.weekend.has(weekday(day)) && !this.isHoliday(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** The local date `days` working days before `from` (the date itself for 0). */
  subtract(from: LocalDate, days: number): LocalDate {
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, 0 or more');
    let day = dayNumber(from);
    for (let left = days; left > 0;) {
      day -= 1;
      if (!this.weekend.has(weekday(day)) && !this.isHoliday(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** Working days spent since `since` (an instant) up to `now`, counted on the business time zone's dates. */
  elapsed(since: Date, now: Date): number {
    const { timeZone } = this.calendar;
    const day = (instant: Date) => localDayNumber(instant, timeZone) ?? dayNumber(localDate(instant, timeZone));
    return this.betweenDays(day(since), day(now));
  }

  /** In an open stage past its SLA: more working days elapsed than committed. No SLA, never overdue. */
  isOverdue(enteredAt: Date, now: Date, slaDays: number | null): boolean {
    return slaDays !== null && this.elapsed(enteredAt, now) > slaDays;
  }

  private betweenDays(a: number, b: number): number {
    if (b < a) return -this.betweenDays(b, a);
    return this.weekdaysIn(a + 1, b) - (this.holidaysUpTo(b) - this.holidaysUpTo(a));
  }

  /** Days a to b inclusive that are not weekend days (holidays not considered). */
  private weekdaysIn(a: number, b: number): number {
    if (b < a) return 0;
    const total = b - a + 1;
    const weeks = Math.floor(total / 7);
    let count = weeks * this.workingPerWeek;
    for (let day = a + weeks * 7; day <= b; day++) if (!this.weekend.has(weekday(day))) count++;
    return count;
  }

  /** Holidays (on working weekdays) on or before a day. */
  private holidaysUpTo(day: number): number {
    let low = 0;
    let high = this.holidays.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.holidays[middle] <= day) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private isHoliday(day: number): boolean {
    return this.holidaysUpTo(day) - this.holidaysUpTo(day - 1) === 1;
  }
}

function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}
