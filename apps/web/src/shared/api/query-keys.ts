import type { OrganizationListQuery, Role } from '@irm/contracts';

export interface UserListFilters {
  q?: string;
  role?: Role;
  active?: boolean;
}

/** The list filters of the investors page; paging (`limit`, `cursor`) is the query's own business. */
export type OrganizationListFilters = Omit<OrganizationListQuery, 'limit' | 'cursor'>;

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
