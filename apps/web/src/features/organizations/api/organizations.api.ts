import type { CreateOrganizationRequest, Organization, Page, UpdateOrganizationRequest, User } from '@irm/contracts';
import { api, type OrganizationListFilters } from '../../../shared/api';

const PAGE_SIZE = 50;
/** The most the users list returns in one page: enough for an agency's staff. */
const OWNER_OPTIONS_LIMIT = 200;

const organizationPath = (id: string) => `/organizations/${encodeURIComponent(id)}`;

export function fetchOrganizations(
  filters: OrganizationListFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Organization>> {
  return api.get<Page<Organization>>('/organizations', {
    query: { ...filters, limit: PAGE_SIZE, cursor },
    signal,
  });
}

export function fetchOrganization(id: string, signal?: AbortSignal): Promise<Organization> {
  return api.get<Organization>(organizationPath(id), { signal });
}

/** `confirmDuplicate` after the person has seen the records the first attempt was stopped for. */
export function createOrganization(
  request: CreateOrganizationRequest,
  confirmDuplicate = false,
): Promise<Organization> {
  return api.post<Organization>('/organizations', request, {
    query: confirmDuplicate ? { confirmDuplicate: true } : undefined,
  });
}

export function updateOrganization(id: string, request: UpdateOrganizationRequest): Promise<Organization> {
  return api.patch<Organization>(organizationPath(id), request);
}

export function deleteOrganization(id: string, version: number): Promise<void> {
  return api.delete(organizationPath(id), { query: { version } });
}

/** Active accounts that can own a record. Only some roles may list users; others get 403. */
export function fetchOwnerOptions(signal?: AbortSignal): Promise<Page<User>> {
  return api.get<Page<User>>('/users', { query: { active: true, limit: OWNER_OPTIONS_LIMIT }, signal });
}
