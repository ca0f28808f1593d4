export enum PipelineKind {
  Prospect = 'prospect',
  LandEnquiry = 'land_enquiry',
  LoanApplication = 'loan_application',
  EventContact = 'event_contact',
}

export enum StageType {
  Open = 'open',
  Won = 'won',
  Lost = 'lost',
}

export interface Stage {
  id: string;
  key: string;
  name: LocalizedText;
  type: StageType;
  position: number;
  /** Response-time commitment in working days; null means no SLA. */
  slaWorkingDays: number | null;
  /** Retired stages keep their history but take no new items. */
  retiredAt: string | null;
  version: number;
}

export interface Pipeline {
  id: string;
  kind: PipelineKind;
  name: LocalizedText;
  /** Ordered by position, retired ones included. */
  stages: Stage[];
  version: number;
}

export interface LocalizedText {
  vi: string;
  en: string;
}

export type HolidayBasis = 'statutory' | 'decided' | 'assumed' | 'compensatory';

/** A day off besides the weekend; SLAs count working days without it. */
export interface Holiday {
  /** `YYYY-MM-DD` in the business time zone. */
  date: string;
  nameVi: string;
  nameEn: string;
  basis: HolidayBasis;
}
