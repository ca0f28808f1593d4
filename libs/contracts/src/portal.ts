import type { ContactLanguage } from './contacts';
import type { LocalizedText, PipelineKind, StageType } from './pipelines';
import type { ZoneSector, ZoneStatus, ZoneType } from './zones';

/** A zone as the public catalogue shows it: the land bank, never its investor, owners or notes. */
export interface PublicZone {
  id: string;
  code: string;
  type: ZoneType;
  name: string;
  district: string;
  status: ZoneStatus;
  sectors: ZoneSector[];
  totalAreaHa: number;
  industrialLandHa: number;
  availableHa: number;
  workforce: number | null;
  craftVillage: string | null;
  latitude: number | null;
  longitude: number | null;
  /** True when the figures are illustrative rather than from a public source. */
  illustrative: boolean;
  updatedAt: string;
}

export interface PublicZoneQuery {
  type?: ZoneType;
  district?: string;
  sector?: ZoneSector;
  /** Only zones with at least this many hectares available. */
  minAvailableHa?: number;
  status?: ZoneStatus;
}

/** A promotion event as the public event page shows it. */
export interface PublicEvent {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  place: string;
  country: string;
  organizer: string | null;
  description: string | null;
  /** Registration is open until the event ends. */
  registrationOpen: boolean;
}

/**
 * `GET /api/public/agency`: the agency that runs the portal, for the public pages' header and footer (from the
 * province settings; configuration data). The name comes in Vietnamese and English; other languages show English.
 */
export interface PublicAgency {
  name: LocalizedText;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** Who is writing, on every public form. */
export interface PortalApplicant {
  fullName: string;
  email: string;
  phone?: string | null;
  position?: string | null;
  /** The company; required on the land and loan forms. */
  companyName?: string | null;
  /** Vietnamese enterprise code, when the company has one: finds the investor already on record. */
  taxCode?: string | null;
  /** ISO 3166-1 alpha-2; VN when absent. */
  country?: string;
  /** The language the form was filled in; the confirmation email is in Vietnamese for vi, else English. */
  language: ContactLanguage;
  /** Free text for the agency. */
  message?: string | null;
  /** Honeypot: left empty by people, filled by bots. */
  website?: string;
}

export interface PublicLandEnquiryRequest extends PortalApplicant {
  companyName: string;
  /** The zone chosen in the catalogue, if any. */
  zoneId?: string | null;
  requestedAreaHa: number;
  sector?: ZoneSector | null;
  capitalUsd?: number | null;
  expectedJobs?: number | null;
  /** `YYYY-MM-DD`. */
  wantedBy?: string | null;
}

export interface PublicLoanApplicationRequest extends PortalApplicant {
  companyName: string;
  applicantType: 'sme' | 'cluster_infrastructure';
  lender: string;
  lenderKind: 'bank' | 'fund';
  purpose: string;
  requestedVnd: number;
  termMonths?: number | null;
  sector?: ZoneSector | null;
  expectedJobs?: number | null;
}

export type PublicEventRegistrationRequest = PortalApplicant;

/** The answer to every public form, whatever happened behind it. */
export interface PortalSubmitted {
  /** The investor's tracking page (the same link is emailed). */
  trackingUrl: string;
}

/** Where an item stands, in words an investor understands. */
export type PortalPhase = 'received' | 'in_review' | 'completed' | 'closed';

export interface PortalStep {
  label: LocalizedText;
  phase: PortalPhase;
  current: boolean;
  done: boolean;
}

export interface PortalMessage {
  id: string;
  from: 'investor' | 'agency';
  body: string;
  at: string;
}

export interface PortalDocument {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/**
 * What the tracking page may upload, so it can tell the investor before they pick a file. The server checks again
 * and types each file by its content, whatever its name says.
 */
export interface PortalUploadRules {
  maxBytes: number;
  /** `application/pdf`, `image/jpeg`, `image/png`, the XLSX type. */
  contentTypes: string[];
  /** File name endings browsers offer for those types, without the dot: `pdf`, `jpg`, `jpeg`, `png`, `xlsx`. */
  extensions: string[];
}

/** `GET /api/public/track/:token`: the investor's view of their submission. */
export interface PortalTracking {
  kind: PipelineKind;
  /** Short reference to quote to the agency. */
  reference: string;
  language: ContactLanguage;
  submittedAt: string;
  lastSubmittedAt: string;
  status: {
    phase: PortalPhase;
    stageType: StageType;
    label: LocalizedText;
    since: string;
  };
  /** The pipeline's current open stages and its won stage, in order, for a progress bar. */
  steps: PortalStep[];
  /** What the investor sent with their last submission (field → value). */
  submission: Record<string, unknown>;
  messages: PortalMessage[];
  documents: PortalDocument[];
  uploads: PortalUploadRules;
  /** When this link stops working. */
  expiresAt: string;
}

export interface PortalMessageRequest {
  body: string;
}

export interface PortalResendRequest {
  email: string;
}

/** `POST /api/<items>/:id/portal-replies`: a staff reply, emailed to the investor and shown in their thread. */
export interface PortalReplyRequest {
  body: string;
  /** The item's version, when the caller wants a refusal if it changed meanwhile. */
  version?: number;
}

export interface PortalReply {
  id: string;
  itemId: string;
  body: string;
  at: string;
  emailId: string;
}

export enum PortalAssignmentMode {
  RoundRobin = 'round_robin',
  BySector = 'by_sector',
}

/** How the portal's submissions get their owner (`GET/PUT /api/settings/portal-assignment`). */
export interface PortalAssignment {
  mode: PortalAssignmentMode;
  /** Staff who take turns (round robin, and by sector when the sector has no owner). */
  staffIds: string[];
  /** By sector: who owns submissions of each sector. */
  sectorOwners: Partial<Record<ZoneSector, string>>;
  /** 0 until first saved. */
  version: number;
}

export type UpdatePortalAssignmentRequest = PortalAssignment;

/** A document an investor uploaded, for staff (`GET /api/portal-documents?itemId=`). */
export interface PortalDocumentInfo extends PortalDocument {
  itemId: string;
  kind: PipelineKind;
}

/** Payload of a `portal_message` timeline entry. */
export interface PortalTimelinePayload {
  event: 'submitted' | 'resubmitted' | 'message' | 'reply' | 'document';
  from: 'investor' | 'agency';
  documentId?: string;
  fileName?: string;
  contentType?: string;
  sizeBytes?: number;
  /** For a resubmission: the fields whose values changed. */
  fields?: string[];
}
