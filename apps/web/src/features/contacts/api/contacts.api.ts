import type { Contact, CreateContactRequest, Organization, Page, UpdateContactRequest } from '@irm/contracts';
import { api, type ContactListFilters } from '../../../shared/api';

const PAGE_SIZE = 50;
/** Enough choices for a searchable picker; typing narrows it further. */
const ORGANIZATION_OPTIONS_LIMIT = 20;

const contactPath = (id: string) => `/contacts/${encodeURIComponent(id)}`;

export function fetchContacts(
  filters: ContactListFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = PAGE_SIZE,
): Promise<Page<Contact>> {
  return api.get<Page<Contact>>('/contacts', { query: { ...filters, limit, cursor }, signal });
}

export function fetchContact(id: string, signal?: AbortSignal): Promise<Contact> {
  return api.get<Contact>(contactPath(id), { signal });
}

/** `confirmDuplicate` after the person has seen the records the first attempt was stopped for. */
export function createContact(request: CreateContactRequest, confirmDuplicate = false): Promise<Contact> {
  return api.post<Contact>('/contacts', request, { query: confirmDuplicate ? { confirmDuplicate: true } : undefined });
}

export function updateContact(id: string, request: UpdateContactRequest): Promise<Contact> {
  return api.patch<Contact>(contactPath(id), request);
}

export function deleteContact(id: string, version: number): Promise<void> {
  return api.delete(contactPath(id), { query: { version } });
}

/** Investors whose name matches what was typed, for the organization picker. */
export function searchOrganizations(q: string, signal?: AbortSignal): Promise<Page<Organization>> {
  return api.get<Page<Organization>>('/organizations', {
    query: { q: q || undefined, limit: ORGANIZATION_OPTIONS_LIMIT },
    signal,
  });
}
