import type { Role } from '@irm/contracts';

export interface UserListFilters {
  q?: string;
  role?: Role;
  active?: boolean;
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
  zones: {
    all: () => ['zones'] as const,
    summary: () => [...queryKeys.zones.all(), 'summary'] as const,
  },
};
