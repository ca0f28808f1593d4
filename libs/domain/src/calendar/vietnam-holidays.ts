import type { LocalDate } from './working-days';

export interface PublicHoliday {
  date: LocalDate;
  nameVi: string;
  nameEn: string;
  /**
   * Why the date is off: `statutory` (fixed by the Labour Code), `decided` (placement announced by the
   * government), `assumed` (placement not yet announced when this list was written: check and adjust),
   * `compensatory` (a holiday falling on a weekend moves to the next working day).
   */
  basis: 'statutory' | 'decided' | 'assumed' | 'compensatory';
}

/**
 * Days off for public holidays in Viet Nam, 2026 and 2027 (Labour Code 2019, art. 112: New Year 1 day, Tết 5,
 * Hùng Kings 1, 30/4 and 1/5, National Day 2). Only days that would otherwise be working days are listed: a
 * holiday on a weekend appears as its compensatory day. Agencies adjust the list as decisions come out.
 */
export const VIETNAM_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = [
  { date: '2026-01-01', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day", basis: 'statutory' },
  // Tết Bính Ngọ: Lunar New Year's Day is Tuesday 17 Feb 2026; 14–22 Feb off, weekends included.
  { date: '2026-02-16', nameVi: 'Tết Nguyên đán (29 Tết)', nameEn: 'Lunar New Year (eve)', basis: 'decided' },
  { date: '2026-02-17', nameVi: 'Tết Nguyên đán (Mùng 1)', nameEn: 'Lunar New Year', basis: 'decided' },
  { date: '2026-02-18', nameVi: 'Tết Nguyên đán (Mùng 2)', nameEn: 'Lunar New Year (2nd day)', basis: 'decided' },
  { date: '2026-02-19', nameVi: 'Tết Nguyên đán (Mùng 3)', nameEn: 'Lunar New Year (3rd day)', basis: 'decided' },
  { date: '2026-02-20', nameVi: 'Tết Nguyên đán (Mùng 4)', nameEn: 'Lunar New Year (4th day)', basis: 'decided' },
  // Hùng Kings' Commemoration, 10th day of the 3rd lunar month: Sunday 26 Apr 2026, off on Monday.
  {
    date: '2026-04-27',
    nameVi: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    nameEn: "Hùng Kings' Day (in lieu)",
    basis: 'compensatory',
  },
  { date: '2026-04-30', nameVi: 'Ngày Giải phóng miền Nam', nameEn: 'Reunification Day', basis: 'statutory' },
  { date: '2026-05-01', nameVi: 'Ngày Quốc tế Lao động', nameEn: 'Labour Day', basis: 'statutory' },
  { date: '2026-09-02', nameVi: 'Quốc khánh', nameEn: 'National Day', basis: 'statutory' },
  { date: '2026-09-03', nameVi: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', basis: 'assumed' },

  { date: '2027-01-01', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day", basis: 'statutory' },
  // Tết Đinh Mùi: Lunar New Year's Day is Saturday 6 Feb 2027; five working days around it assumed.
  { date: '2027-02-05', nameVi: 'Tết Nguyên đán (30 Tết)', nameEn: 'Lunar New Year (eve)', basis: 'assumed' },
  { date: '2027-02-08', nameVi: 'Tết Nguyên đán (Mùng 3)', nameEn: 'Lunar New Year (3rd day)', basis: 'assumed' },
  { date: '2027-02-09', nameVi: 'Tết Nguyên đán (Mùng 4)', nameEn: 'Lunar New Year (4th day)', basis: 'assumed' },
  { date: '2027-02-10', nameVi: 'Nghỉ bù Tết Nguyên đán', nameEn: 'Lunar New Year (in lieu)', basis: 'assumed' },
  { date: '2027-02-11', nameVi: 'Nghỉ bù Tết Nguyên đán', nameEn: 'Lunar New Year (in lieu)', basis: 'assumed' },
  // Hùng Kings' Commemoration: Friday 16 Apr 2027.
  { date: '2027-04-16', nameVi: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day", basis: 'statutory' },
  { date: '2027-04-30', nameVi: 'Ngày Giải phóng miền Nam', nameEn: 'Reunification Day', basis: 'statutory' },
  // Labour Day is Saturday 1 May 2027.
  { date: '2027-05-03', nameVi: 'Nghỉ bù Quốc tế Lao động', nameEn: 'Labour Day (in lieu)', basis: 'compensatory' },
  { date: '2027-09-02', nameVi: 'Quốc khánh', nameEn: 'National Day', basis: 'statutory' },
  { date: '2027-09-03', nameVi: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', basis: 'assumed' },
];
