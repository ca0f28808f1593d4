import { WorkingDays, zonedInstant } from '../calendar/working-days';
import { deadlineNoticeAt, outstandingLoanDocuments } from './deadlines';

const TZ = 'Asia/Ho_Chi_Minh';
// 2026-04-30 and 2026-05-01 are public holidays (a Thursday and a Friday).
const days = new WorkingDays({ timeZone: TZ, holidays: ['2026-04-30', '2026-05-01'] });
const at = (iso: string) => new Date(iso);

describe('loan deadline notices', () => {
  it('falls at 08:00 Hanoi time the given number of working days before the deadline', () => {
    // Thursday 2026-03-12, three working days before: Monday 2026-03-09, 08:00 +07 = 01:00Z.
    expect(deadlineNoticeAt(days, '2026-03-12', 3, at('2026-03-01T00:00:00Z'))).toEqual(at('2026-03-09T01:00:00Z'));
  });

  it('skips weekends and public holidays counting back', () => {
    // Tuesday 2026-05-05: back over Mon 4, (Fri 1 and Thu 30 are holidays), Wed 29, Tue 28.
    expect(deadlineNoticeAt(days, '2026-05-05', 3, at('2026-04-01T00:00:00Z'))).toEqual(at('2026-04-28T01:00:00Z'));
    // A Monday deadline with one day's notice: the Friday before.
    expect(deadlineNoticeAt(days, '2026-03-16', 1, at('2026-03-01T00:00:00Z'))).toEqual(at('2026-03-13T01:00:00Z'));
  });

  it('is the deadline day itself with no notice', () => {
    expect(deadlineNoticeAt(days, '2026-03-12', 0, at('2026-03-01T00:00:00Z'))).toEqual(at('2026-03-12T01:00:00Z'));
  });

  it('gives a moment already past when the deadline is nearer than the notice, none once it has passed', () => {
    const now = at('2026-03-11T10:00:00Z');
    expect(deadlineNoticeAt(days, '2026-03-12', 3, now)!.getTime()).toBeLessThan(now.getTime());
    // The deadline day counts in Hanoi: 2026-03-11 23:30Z is already the 12th there.
    expect(deadlineNoticeAt(days, '2026-03-11', 3, at('2026-03-11T16:59:00Z'))).not.toBeNull();
    expect(deadlineNoticeAt(days, '2026-03-11', 3, at('2026-03-11T17:00:00Z'))).toBeNull();
    expect(deadlineNoticeAt(days, null, 3, now)).toBeNull();
  });

  it('turns a wall-clock time into the instant in other zones too', () => {
    expect(zonedInstant('2026-07-01', '08:00', 'Europe/Berlin')).toEqual(at('2026-07-01T06:00:00Z'));
    expect(zonedInstant('2026-01-15', '08:00', 'Europe/Berlin')).toEqual(at('2026-01-15T07:00:00Z'));
    expect(() => zonedInstant('2026-01-15', '8h', TZ)).toThrow(RangeError);
  });

  it('lists the required documents not yet on file, never the optional ones', () => {
    const keys = outstandingLoanDocuments(['application_form', 'collateral']).map((document) => document.key);
    expect(keys).toEqual([
      'business_registration',
      'investment_plan',
      'financial_statements',
      'land_lease',
      'credit_contract',
    ]);
  });
});
