import type { RecordSort } from './page';

/** Languages an investor can be written to in (the interface itself is vi/en). */
export const CONTACT_LANGUAGES = ['vi', 'en', 'ja', 'ko', 'zh'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

export enum EmailConsent {
  Unknown = 'unknown',
  OptedIn = 'opted_in',
  OptedOut = 'opted_out',
}

/** How consent was given or withdrawn, kept as evidence. */
export enum ConsentSource {
  Form = 'form',
  Event = 'event',
  Email = 'email',
  Phone = 'phone',
  InPerson = 'in_person',
  Import = 'import',
  Unsubscribe = 'unsubscribe',
}

/** A person: at an investor company, or met at an event. */
export interface Contact {
  id: string;
  fullName: string;
  email: string | null;
  /** E.164, e.g. +84912345678. */
  phone: string | null;
  position: string | null;
  organizationId: string | null;
  organizationName: string | null;
  preferredLanguage: ContactLanguage;
  emailConsent: EmailConsent;
  consentChangedAt: string | null;
  consentSource: ConsentSource | null;
  ownerId: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateContactRequest {
  fullName: string;
  email?: string | null;
  /** Any common notation; Vietnamese numbers may omit +84 (e.g. 0912 345 678). Stored as E.164. */
  phone?: string | null;
  position?: string | null;
  organizationId?: string | null;
  preferredLanguage?: ContactLanguage;
  /** Setting consent records when (now) and requires how. */
  emailConsent?: EmailConsent;
  consentSource?: ConsentSource | null;
  ownerId?: string;
}

export interface UpdateContactRequest extends Partial<CreateContactRequest> {
  version: number;
}

export interface ContactListQuery {
  /** Name, email or phone; diacritics and small typos tolerated. */
  q?: string;
  organizationId?: string;
  ownerId?: string;
  language?: ContactLanguage;
  consent?: EmailConsent;
  /** Default `name` (the full name). */
  sort?: RecordSort;
  limit?: number;
  cursor?: string;
}
