import type { ContactLanguage, EmailConsent, OrganizationListQuery, Role } from '@irm/contracts';

export interface UserListFilters {
  q?: string;
  role?: Role;
  active?: boolean;
}

/** The list filters of the investors page; paging (`limit`, `cursor`) is the query's own business. */
export type OrganizationListFilters = Omit<OrganizationListQuery, 'limit' | 'cursor'>;

/** The list filters of the contacts page (and of an investor's contacts panel). */
export interface ContactListFilters {
  q?: string;
  organizationId?: string;
  ownerId?: string;
  language?: ContactLanguage;
  consent?: EmailConsent;
}

/** Every query key of the app, so invalidation targets stay discoverable in one place. */
export const queryKeys = {
  health: () => ['health'] as const,
  auth: {
    me: () => ['auth', 'me'] as const,
    tokens: () => ['auth', 'tokens'] as const,
  },
  users: {
    all: () => ['users'] as const,
    lists: () => [...queryKeys.users.all(), 'list'] as const,
    list: (filters: UserListFilters) => [...queryKeys.users.lists(), filters] as const,
  },
  organizations: {
    all: () => ['organizations'] as const,
    lists: () => [...queryKeys.organizations.all(), 'list'] as const,
    list: (filters: OrganizationListFilters) => [...queryKeys.organizations.lists(), filters] as const,
    details: () => [...queryKeys.organizations.all(), 'detail'] as const,
    detail: (id: string) => [...queryKeys.organizations.details(), id] as const,
    /** People who can own a record; only some roles may list them. */
    ownerOptions: () => [...queryKeys.organizations.all(), 'owner-options'] as const,
    /** Investors matching a typed name, for pickers in other features' forms. */
    picker: (q: string) => [...queryKeys.organizations.all(), 'picker', q] as const,
  },
  contacts: {
    all: () => ['contacts'] as const,
    lists: () => [...queryKeys.contacts.all(), 'list'] as const,
    list: (filters: ContactListFilters) => [...queryKeys.contacts.lists(), filters] as const,
    details: () => [...queryKeys.contacts.all(), 'detail'] as const,
    detail: (id: string) => [...queryKeys.contacts.details(), id] as const,
  },
  imports: {
    all: () => ['imports'] as const,
    lists: () => [...queryKeys.imports.all(), 'list'] as const,
    detail: (id: string) => [...queryKeys.imports.all(), 'detail', id] as const,
    errors: (id: string) => [...queryKeys.imports.all(), 'errors', id] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    subject: (subjectType: string, subjectId: string) => [...queryKeys.audit.all(), subjectType, subjectId] as const,
  },
  zones: {
    all: () => ['zones'] as const,
    summary: () => [...queryKeys.zones.all(), 'summary'] as const,
  },
};
