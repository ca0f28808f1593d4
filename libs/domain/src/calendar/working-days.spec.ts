import fc from 'fast-check';
import { VIETNAM_PUBLIC_HOLIDAYS } from './vietnam-holidays';
import { dayNumber, fromDayNumber, localDate, WorkingDays } from './working-days';

const vietnam = new WorkingDays({
  timeZone: 'Asia/Ho_Chi_Minh',
  holidays: VIETNAM_PUBLIC_HOLIDAYS.map((holiday) => holiday.date),
});

/** Any date from 2025 to 2028, where the holiday list matters. */
const dates = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2028-12-31') }).map(fromDayNumber);
const holidaySets = fc.uniqueArray(dates, { maxLength: 40 });
const weekends = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 });

/** The obvious definition, one day at a time: what the arithmetic must agree with. */
function countByWalking(calendar: WorkingDays, from: string, to: string): number {
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++)
    if (calendar.isWorkingDay(fromDayNumber(day))) count++;
  return count;
}

describe('working days', () => {
  it('skips weekends and Tết', () => {
    // Friday 13 Feb 2026 to Monday 23 Feb 2026: the weekend, Tết (16–20 Feb), the weekend, then Monday.
    expect(vietnam.between('2026-02-13', '2026-02-23')).toBe(1);
    expect(vietnam.add('2026-02-13', 1)).toBe('2026-02-23');
    expect(vietnam.isWorkingDay('2026-02-17')).toBe(false);
    expect(vietnam.isWorkingDay('2026-02-23')).toBe(true);
    // A Friday to the next Monday is one working day; the same day is none.
    expect(vietnam.between('2026-03-06', '2026-03-09')).toBe(1);
    expect(vietnam.between('2026-03-06', '2026-03-06')).toBe(0);
  });

  it('counts on the business time zone’s dates, not UTC', () => {
    // 23:30 UTC on Friday 6 March is already Saturday 7 March in Hà Nội.
    const late = new Date('2026-03-06T23:30:00Z');
    expect(localDate(late, 'Asia/Ho_Chi_Minh')).toBe('2026-03-07');
    expect(localDate(late, 'UTC')).toBe('2026-03-06');
    // Entered on Friday afternoon local time, checked on Tuesday morning: Monday and Tuesday have passed.
    expect(vietnam.elapsed(new Date('2026-03-06T08:00:00Z'), new Date('2026-03-10T01:00:00Z'))).toBe(2);
  });

  it('gives the date Intl gives, in zones with daylight saving, odd offsets and old local mean times', () => {
    const zones = [
      'Asia/Ho_Chi_Minh',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe', // half-hour daylight saving
      'Asia/Kathmandu', // +05:45
      'Africa/Monrovia', // −00:44:30 until 1972
      'Pacific/Apia', // skipped 30 December 2011
      'America/Santiago', // changes at local midnight
      'UTC',
    ];
    const intl = (instant: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 1900 to 2100, with a bias to the minutes around local midnights and transitions.
        fc.oneof(
          fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
          fc
            .tuple(fc.integer({ min: -25_000, max: 47_000 }), fc.integer({ min: -14 * 60, max: 14 * 60 }))
            .map(([day, minutes]) => day * 86_400_000 + minutes * 60_000),
        ),
        (timeZone, ms) => {
          const instant = new Date(ms);
          expect(localDate(instant, timeZone)).toBe(intl(instant, timeZone));
        },
      ),
      { numRuns: 3000 },
    );
    // Every 10 minutes of the days Santiago de Chile changed its clocks at midnight in 2026, and of Berlin's.
    const changes: [string, number][] = [
      ['America/Santiago', Date.UTC(2026, 3, 4)],
      ['America/Santiago', Date.UTC(2026, 8, 5)],
      ['Europe/Berlin', Date.UTC(2026, 2, 29)],
      ['Europe/Berlin', Date.UTC(2026, 9, 25)],
    ];
    for (const [timeZone, day] of changes)
      for (let minute = -12 * 60; minute < 36 * 60; minute += 10) {
        const instant = new Date(day + minute * 60_000);
        expect(localDate(instant, timeZone)).toBe(intl(instant, timeZone));
      }
  });

  it('is overdue only past the SLA, and never without one', () => {
    const entered = new Date('2026-03-02T03:00:00Z'); // Monday 10:00 in Hà Nội
    expect(vietnam.isOverdue(entered, new Date('2026-03-04T03:00:00Z'), 2)).toBe(false); // Wednesday: 2 days
    expect(vietnam.isOverdue(entered, new Date('2026-03-05T03:00:00Z'), 2)).toBe(true); // Thursday: 3 days
    expect(vietnam.isOverdue(entered, new Date('2027-03-05T03:00:00Z'), null)).toBe(false);
  });

  it('lists only holidays that fall on working days, on real dates, none twice', () => {
    const listed = VIETNAM_PUBLIC_HOLIDAYS.map((holiday) => holiday.date);
    expect(new Set(listed).size).toBe(listed.length);
    const onWeekends = listed.filter((date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
    expect(onWeekends).toEqual([]);
    // Tết: five working days off in each year.
    expect(listed.filter((date) => date.startsWith('2026-02'))).toHaveLength(5);
    expect(listed.filter((date) => date.startsWith('2027-02'))).toHaveLength(5);
  });

  it('refuses impossible dates and negative day counts', () => {
    expect(() => vietnam.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => vietnam.between('2026-2-3', '2026-02-04')).toThrow(RangeError);
    expect(() => vietnam.add('2026-02-03', -1)).toThrow(RangeError);
    expect(() => vietnam.add('2026-02-03', 1.5)).toThrow(RangeError);
    expect(() => new WorkingDays({ timeZone: 'UTC', holidays: [], weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(
      RangeError,
    );
  });

  describe('properties, for any calendar', () => {
    const calendars = fc
      .record({ holidays: holidaySets, weekend: weekends })
      .map(({ holidays, weekend }) => new WorkingDays({ timeZone: 'Asia/Ho_Chi_Minh', holidays, weekend }));

    it('agrees with counting day by day', () => {
      fc.assert(
        fc.property(calendars, dates, dates, (calendar, a, b) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          expect(calendar.between(from, to)).toBe(countByWalking(calendar, from, to));
          // Reversed, the same count negated (written as a sum: -0 and 0 differ to toBe).
          expect(calendar.between(to, from) + calendar.between(from, to)).toBe(0);
        }),
      );
    });

    it('adds exactly n working days and lands on a working day', () => {
      fc.assert(
        fc.property(calendars, dates, fc.integer({ min: 0, max: 90 }), (calendar, from, n) => {
          const due = calendar.add(from, n);
          expect(calendar.between(from, due)).toBe(n);
          if (n > 0) {
            expect(calendar.isWorkingDay(due)).toBe(true);
            // The day before the due date is still short of n.
            expect(calendar.between(from, fromDayNumber(dayNumber(due) - 1))).toBe(n - 1);
          }
        }),
      );
    });

    it('grows with time and splits at any day in between', () => {
      fc.assert(
        fc.property(calendars, fc.uniqueArray(dates, { minLength: 3, maxLength: 3 }), (calendar, picked) => {
          const [a, b, c] = [...picked].sort();
          expect(calendar.between(a, c)).toBe(calendar.between(a, b) + calendar.between(b, c));
          expect(calendar.between(a, b)).toBeGreaterThanOrEqual(0);
        }),
      );
    });
    it('subtracts exactly what it adds: from a working day, n on and n back is the same day', () => {
      fc.assert(
        fc.property(calendars, dates, fc.integer({ min: 0, max: 90 }), (calendar, from, n) => {
          fc.pre(calendar.isWorkingDay(from));
          expect(calendar.subtract(calendar.add(from, n), n)).toBe(from);
          expect(calendar.add(calendar.subtract(from, n), n)).toBe(from);
        }),
      );
    });

    /** Instants over four years, so that a stage can be entered and checked in any season, any time of day. */
    const instants = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => new Date(ms));
    const slas = fc.option(fc.integer({ min: 0, max: 60 }), { nil: null });

    it('counts elapsed days on local dates: none within a local day, never negative going forward', () => {
      fc.assert(
        fc.property(calendars, instants, fc.integer({ min: 0, max: 200 * 86_400_000 }), (calendar, since, later) => {
          const now = new Date(since.getTime() + later);
          const elapsed = calendar.elapsed(since, now);
          expect(elapsed).toBeGreaterThanOrEqual(0);
          const sameDay = localDate(since, 'Asia/Ho_Chi_Minh') === localDate(now, 'Asia/Ho_Chi_Minh');
          if (sameDay) expect(elapsed).toBe(0);
          expect(elapsed).toBe(
            calendar.between(localDate(since, 'Asia/Ho_Chi_Minh'), localDate(now, 'Asia/Ho_Chi_Minh')),
          );
        }),
      );
    });

    it('is overdue monotonically: later never less overdue, a longer SLA never more, no SLA never', () => {
      fc.assert(
        fc.property(calendars, instants, instants, instants, slas, slas, (calendar, entered, a, b, sla, otherSla) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          fc.pre(entered <= early);
          if (calendar.isOverdue(entered, early, sla)) expect(calendar.isOverdue(entered, late, sla)).toBe(true);
          if (sla !== null && otherSla !== null && otherSla >= sla && calendar.isOverdue(entered, late, otherSla))
            expect(calendar.isOverdue(entered, late, sla)).toBe(true);
          expect(calendar.isOverdue(entered, late, null)).toBe(false);
          // Overdue exactly when more working days have passed than the SLA allows.
          if (sla !== null) expect(calendar.isOverdue(entered, late, sla)).toBe(calendar.elapsed(entered, late) > sla);
        }),
      );
    });
  });
});
