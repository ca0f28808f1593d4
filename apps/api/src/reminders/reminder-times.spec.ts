import { VIETNAM_PUBLIC_HOLIDAYS, WorkingDays } from '@irm/domain';
import { eventFollowUpDueAt, localDateTime, slaEscalationDueAt, slaOverdueDueAt } from './reminder-times';

const TZ = 'Asia/Ho_Chi_Minh';
const vietnam = new WorkingDays({ timeZone: TZ, holidays: VIETNAM_PUBLIC_HOLIDAYS.map((holiday) => holiday.date) });

describe('reminder times', () => {
  it('is 08:00 in Hà Nội (01:00 UTC) on the first overdue day', () => {
    expect(slaOverdueDueAt('2026-03-05', TZ).toISOString()).toBe('2026-03-05T01:00:00.000Z');
    // The same wall clock elsewhere is another instant.
    expect(slaOverdueDueAt('2026-03-05', 'Europe/Berlin').toISOString()).toBe('2026-03-05T07:00:00.000Z');
  });

  it('finds local wall-clock times across daylight saving changes', () => {
    // Berlin moves to summer time on Sunday 29 March 2026 at 02:00.
    expect(localDateTime('2026-03-28', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(localDateTime('2026-03-29', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(() => localDateTime('2026-3-1', '08:00', TZ)).toThrow(RangeError);
  });

  it('escalates working days after the first overdue day, skipping weekends', () => {
    // Overdue from Thursday 5 March 2026; two working days on is Monday 9 March.
    expect(slaEscalationDueAt(vietnam, '2026-03-05', 2).toISOString()).toBe('2026-03-09T01:00:00.000Z');
    expect(slaEscalationDueAt(vietnam, '2026-03-05', 1).toISOString()).toBe('2026-03-06T01:00:00.000Z');
  });

  it('skips public holidays', () => {
    // Overdue from Friday 13 Feb 2026: the weekend, Tết (16–20 Feb) and the weekend pass; two working days on
    // is Tuesday 24 Feb.
    expect(slaEscalationDueAt(vietnam, '2026-02-13', 2).toISOString()).toBe('2026-02-24T01:00:00.000Z');
    // An event ending Wednesday 29 April 2026: 30 April and 1 May are holidays, then the weekend; three working
    // days on is Wednesday 6 May.
    expect(eventFollowUpDueAt(vietnam, '2026-04-29', 3).toISOString()).toBe('2026-05-06T01:00:00.000Z');
    // Without the holidays it would be Monday 4 May.
    const plain = new WorkingDays({ timeZone: TZ, holidays: [] });
    expect(eventFollowUpDueAt(plain, '2026-04-29', 3).toISOString()).toBe('2026-05-04T01:00:00.000Z');
  });

  it('follows up after an event ending on a Saturday from the next working days', () => {
    // Saturday 7 March 2026 → Monday 9, Tuesday 10, Wednesday 11.
    expect(eventFollowUpDueAt(vietnam, '2026-03-07', 3).toISOString()).toBe('2026-03-11T01:00:00.000Z');
  });
});
