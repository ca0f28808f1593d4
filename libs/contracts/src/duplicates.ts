import type { ProblemDetails } from './problem';

/** Records that can be found twice and merged. */
export type DuplicateSubject = 'organization' | 'contact';

/** Why a record looks like a duplicate. Exact tax-code and email matches can never be confirmed away. */
export enum DuplicateMatch {
  TaxCode = 'tax_code',
  Email = 'email',
  Phone = 'phone',
  Name = 'name',
}

export interface DuplicateCandidate {
  id: string;
  /** Organization name or contact full name. */
  name: string;
  /** A line that tells namesakes apart: tax code and country, or email and organization. */
  detail: string | null;
  match: DuplicateMatch;
  /** 1 for exact matches; trigram similarity of the unaccented names otherwise. */
  similarity: number;
  ownerName: string;
  version: number;
}

/** The 409 body when a create looks like an existing record. */
export interface DuplicateProblem extends ProblemDetails {
  code: 'duplicate';
  candidates: DuplicateCandidate[];
  /** False when an exact tax code or email match makes a second record impossible. */
  confirmable: boolean;
}

/** One group of the duplicates report: records sharing a normalised name (or phone, for contacts). */
export interface DuplicateGroup {
  key: string;
  match: DuplicateMatch;
  records: DuplicateCandidate[];
}

/** Merges `duplicateId` into the record addressed by the URL, which survives. */
export interface MergeRequest {
  /** The surviving record's version, as the caller saw it. */
  version: number;
  duplicateId: string;
  duplicateVersion: number;
}

export interface MergeResult {
  survivorId: string;
  mergedId: string;
  /** How many linked rows moved, per kind (contacts, tasks, timelineEntries, ...). */
  moved: Record<string, number>;
}
