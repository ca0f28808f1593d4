import type { EventAttendee, EventContact, LenderKind, LoanApplicantType, PromotionEventKind } from './items';
import type { LeadSource } from './organizations';
import type { LocalizedText, PipelineKind, StageType } from './pipelines';
import type { ZoneSector } from './zones';

/** How the events list can be ordered; newest first unless asked. */
export const PROMOTION_EVENT_SORTS = ['-startsOn', 'startsOn', 'name', '-name'] as const;
export type PromotionEventSort = (typeof PROMOTION_EVENT_SORTS)[number];

export interface PromotionEventListQuery {
  /** Name, place or organizer; diacritics tolerated. */
  q?: string;
  kind?: PromotionEventKind;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Events that end on or after this date (`YYYY-MM-DD`). */
  from?: string;
  /** Events that start on or before this date. */
  to?: string;
  ownerId?: string;
  sort?: PromotionEventSort;
  limit?: number;
  cursor?: string;
}

export interface CreatePromotionEventRequest {
  name: string;
  kind: PromotionEventKind;
  startsOn: string;
  /** On or after `startsOn`. */
  endsOn: string;
  place: string;
  country: string;
  /** VND, an integer ≥ 0. */
  budgetVnd?: number | null;
  organizer?: string | null;
  description?: string | null;
  /** Defaults to the creator; another owner needs a manager. */
  ownerId?: string;
}

export type UpdatePromotionEventRequest = Partial<CreatePromotionEventRequest> & { version: number };

export interface AttendeeListQuery {
  /** The contact's name; diacritics tolerated. */
  q?: string;
  stageId?: string;
  limit?: number;
  cursor?: string;
}

export interface AddAttendeeRequest {
  contactId: string;
  /** Owner of the event-contact item opened for them; the caller when absent (managers may name someone). */
  ownerId?: string;
}

/** The most contacts one bulk request adds. */
export const MAX_BULK_ATTENDEES = 1000;

export interface BulkAddAttendeesRequest {
  contactIds?: string[];
  /** Contacts found by email (case-insensitive); unknown emails are reported, not created. */
  emails?: string[];
  ownerId?: string;
}

export type BulkSkipReason = 'already_attendee' | 'unknown_contact' | 'unknown_email';

export interface BulkAddAttendeesResult {
  added: number;
  skipped: number;
  /** The attendances opened, in the order asked. */
  addedAttendees: EventAttendee[];
  skippedEntries: { contactId: string | null; email: string | null; reason: BulkSkipReason }[];
}

/** What an event contact can become. */
export const CONVERSION_KINDS = ['prospect', 'land_enquiry', 'loan_application'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

/**
 * Converting an event contact: the new item's kind and fields. Organization and contact come from the event
 * contact (every kind needs an organization: name one when the person has none); land enquiries need
 * `requestedAreaHa`, loan applications the loan fields.
 */
export interface ConvertEventContactRequest {
  kind: ConversionKind;
  /** The event contact's version. */
  version: number;
  /** Defaults to the organization's (or the person's) name. */
  title?: string;
  ownerId?: string;
  organizationId?: string | null;
  sector?: ZoneSector | null;
  capitalUsd?: number | null;
  expectedJobs?: number | null;
  /** Land enquiries: hectares requested. */
  requestedAreaHa?: number;
  zoneId?: string | null;
  preferredZoneIds?: string[];
  wantedBy?: string | null;
  /** Loan applications: VND requested. */
  requestedVnd?: number;
  applicantType?: LoanApplicantType;
  lender?: string;
  lenderKind?: LenderKind;
  purpose?: string;
}

export interface ConvertEventContactResult {
  eventContact: EventContact;
  item: { id: string; kind: ConversionKind };
}

export interface UpdateEventContactRequest {
  title?: string;
  ownerId?: string;
  organizationId?: string | null;
  sector?: ZoneSector | null;
  source?: LeadSource | null;
  version: number;
}

/** One stage of the event-contact pipeline with how many of an event's contacts stand in it. */
export interface EventRoiStage {
  stageId: string;
  key: string;
  name: LocalizedText;
  type: StageType;
  count: number;
}

/** An event's return: the people met, what they became, and what that is worth against the budget. */
export interface EventRoi {
  eventId: string;
  /** Attendees. */
  contacts: number;
  /** Event contacts converted, in all and by what they became. */
  conversions: number;
  conversionsByKind: Record<ConversionKind, number>;
  /** Conversions per contact, 0–1; null without contacts. */
  conversionRate: number | null;
  /** Items (other than event contacts) linked to the event, however they were opened. */
  linkedItems: number;
  linkedItemsByKind: Partial<Record<PipelineKind, number>>;
  /** Sum of the hectares of land enquiries linked to the event. */
  hectaresEnquired: number;
  /** Sum of planned capital, USD, and of expected jobs, of the items linked to the event. */
  capitalUsd: number;
  expectedJobs: number;
  budgetVnd: number | null;
  /** Budget per conversion, VND rounded; null without a budget or without conversions. */
  costPerConversionVnd: number | null;
  costPerContactVnd: number | null;
  /** The event's contacts by stage of the event-contact pipeline, in pipeline order (retired stages with none left out). */
  stages: EventRoiStage[];
}
