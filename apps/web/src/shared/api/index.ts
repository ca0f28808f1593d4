export { ApiError, isApiError, NETWORK_ERROR_CODE } from './api-error';
export { api, apiRequest, type HttpMethod, type QueryParams, type RequestOptions } from './client';
export { createQueryClient, type QueryClientOptions, type RequestMeta } from './query-client';
export {
  queryKeys,
  type ContactListFilters,
  type EventListFilters,
  type OrganizationListFilters,
  type TaskListFilters,
  type UserListFilters,
  type ZoneListFilters,
} from './query-keys';
