import type { Page } from './page';

/**
 * Records that have a timeline and can carry tasks. Pipeline items are listed already so that stored
 * entries and tasks need no migration when those records arrive; the API accepts a type once its records exist.
 */
export enum RecordSubjectType {
  Organization = 'organization',
  Contact = 'contact',
  Zone = 'zone',
  Prospect = 'prospect',
  LandEnquiry = 'land_enquiry',
  LoanApplication = 'loan_application',
  EventContact = 'event_contact',
}

export enum TimelineEntryKind {
  Note = 'note',
  Call = 'call',
  Meeting = 'meeting',
  /** A record's fields were changed (or the record was created). */
  Edit = 'edit',
  /** A task about the record was created, completed or reopened. */
  Task = 'task',
  StageMove = 'stage_move',
  Email = 'email',
  PortalMessage = 'portal_message',
}

/** The kinds a person writes by hand; the others are written by the system as things happen. */
export const AUTHORED_ENTRY_KINDS = [
  TimelineEntryKind.Note,
  TimelineEntryKind.Call,
  TimelineEntryKind.Meeting,
] as const;
export type AuthoredEntryKind = (typeof AUTHORED_ENTRY_KINDS)[number];

/** Payload of a logged call or meeting. */
export interface InteractionPayload {
  durationMinutes: number | null;
  outcome: string | null;
  /** Names of the people who took part, as typed. */
  participants: string[];
}

/** Payload of an `edit` entry: which fields changed (their values are in the audit trail). */
export interface EditPayload {
  action: 'create' | 'update' | 'merge';
  fields: string[];
  /** For a merge: the name of the record merged into this one. */
  mergedName?: string;
}

/** Payload of a `task` entry. */
export interface TaskEventPayload {
  taskId: string;
  event: 'created' | 'completed' | 'reopened';
  title: string;
  dueAt: string;
  assigneeId: string;
  assigneeName: string;
}

export interface MentionedUser {
  id: string;
  name: string;
}

export interface TimelineEntry {
  id: string;
  subjectType: RecordSubjectType;
  subjectId: string;
  kind: TimelineEntryKind;
  /**
   * Text of a note, or the summary of a call or meeting. Mentions are written as `@[Name](userId)`;
   * `mentions` lists the same people with their current names.
   */
  body: string | null;
  occurredAt: string;
  /** Null for entries no person wrote (e.g. an investor's portal message). */
  authorId: string | null;
  authorName: string | null;
  mentions: MentionedUser[];
  /** Depends on `kind`: InteractionPayload, EditPayload, TaskEventPayload, or later kinds' own. */
  payload: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type TimelinePage = Page<TimelineEntry>;

export interface TimelineQuery {
  subjectType: RecordSubjectType;
  subjectId: string;
  kind?: TimelineEntryKind;
  limit?: number;
  cursor?: string;
}

export interface CreateTimelineEntryRequest {
  subjectType: RecordSubjectType;
  subjectId: string;
  kind: AuthoredEntryKind;
  /** Required for a note; the summary of a call or meeting. */
  body?: string | null;
  /** When a call or meeting took place; defaults to now, never in the future. Notes are dated now. */
  occurredAt?: string;
  durationMinutes?: number | null;
  outcome?: string | null;
  participants?: string[];
}

export interface UpdateTimelineEntryRequest {
  version: number;
  body?: string | null;
  occurredAt?: string;
  durationMinutes?: number | null;
  outcome?: string | null;
  participants?: string[];
}

/** A colleague as others may see them: for mentions and for choosing who does a task. */
export interface UserSummary {
  id: string;
  name: string;
  email: string;
}
