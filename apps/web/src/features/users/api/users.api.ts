import type { CreateUserRequest, Page, ResendInvitationRequest, UpdateUserRequest, User } from '@irm/contracts';
import { api, type UserListFilters } from '../../../shared/api';

const PAGE_SIZE = 50;

export function fetchUsers(filters: UserListFilters, cursor: string | null, signal?: AbortSignal): Promise<Page<User>> {
  return api.get<Page<User>>('/users', {
    query: { limit: PAGE_SIZE, cursor, q: filters.q, role: filters.role, active: filters.active },
    signal,
  });
}

export function createUser(request: CreateUserRequest): Promise<User> {
  return api.post<User>('/users', request);
}

export function updateUser(id: string, request: UpdateUserRequest): Promise<User> {
  return api.patch<User>(`/users/${encodeURIComponent(id)}`, request);
}

/** A new invitation email; the earlier link stops working. */
export function resendInvitation(id: string, request: ResendInvitationRequest): Promise<User> {
  return api.post<User>(`/users/${encodeURIComponent(id)}/invitation`, request);
}
