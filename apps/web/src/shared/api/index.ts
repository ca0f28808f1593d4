export { ApiError, isApiError, NETWORK_ERROR_CODE } from './api-error';
export { api, apiRequest, type HttpMethod, type QueryParams, type RequestOptions } from './client';
export { createQueryClient } from './query-client';
export { queryKeys } from './query-keys';
