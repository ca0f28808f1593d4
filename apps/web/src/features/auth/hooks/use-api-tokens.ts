import type { ApiTokenSummary, CreateApiTokenRequest } from '@irm/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { createApiToken, fetchApiTokens, revokeApiToken } from '../api/auth.api';

export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.auth.tokens(),
    queryFn: ({ signal }) => fetchApiTokens(signal),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateApiTokenRequest) => createApiToken(request),
    onSuccess: ({ token: _secret, ...summary }) => {
      // Only the summary goes into the cache: the secret lives in the dialog that shows it once.
      queryClient.setQueryData<ApiTokenSummary[]>(queryKeys.auth.tokens(), (tokens) =>
        tokens ? [summary, ...tokens.filter((existing) => existing.id !== summary.id)] : tokens,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.auth.tokens() });
    },
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: ApiTokenSummary) => revokeApiToken(token.id),
    onSuccess: (_result, token) => {
      queryClient.setQueryData<ApiTokenSummary[]>(queryKeys.auth.tokens(), (tokens) =>
        tokens?.filter((existing) => existing.id !== token.id),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.auth.tokens() });
    },
  });
}
