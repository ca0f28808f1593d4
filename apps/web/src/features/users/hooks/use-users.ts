import type { CreateUserRequest, Page, UpdateUserRequest, User } from '@irm/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { isApiError, queryKeys, type UserListFilters } from '../../../shared/api';
import { createUser, fetchUsers, resendInvitation, updateUser } from '../api/users.api';

export function useUserList(filters: UserListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.users.list(filters),
    queryFn: ({ pageParam, signal }) => fetchUsers(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Typing in the search box keeps the current rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => createUser(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() }),
  });
}

export interface UserChange {
  /** The row as the person saw it: its `version` guards against overwriting someone else's change. */
  user: User;
  changes: Omit<UpdateUserRequest, 'version'>;
}

export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.status === 409;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: UserChange) => updateUser(user.id, { ...changes, version: user.version }),
    onSuccess: (updated) => {
      queryClient.setQueriesData<InfiniteData<Page<User>>>({ queryKey: queryKeys.users.lists() }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === updated.id ? updated : item)),
              })),
            }
          : data,
      );
      // Filters (role, status) may no longer match the changed row.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() });
    },
    onError: (error) => {
      // Someone else changed the row: show them the current one.
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() });
    },
  });
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: User) => resendInvitation(user.id, { version: user.version }),
    // The row has a new version, or (when stale) someone else changed it: either way, reload the lists.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() }),
  });
}
