import type { SetPasswordWithTokenRequest } from '@irm/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { acceptInvitation, confirmPasswordReset, fetchAccountToken, requestPasswordReset } from '../api/auth.api';
import { reconcileLanguageAtSignIn } from './use-language-preference';

/** The link's account and expiry; an unknown, expired or used link is an answer to show, not to retry. */
export function useAccountToken(token: string) {
  return useQuery({
    queryKey: queryKeys.auth.accountToken(token),
    queryFn: ({ signal }) => fetchAccountToken(token, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => requestPasswordReset({ email }) });
}

/** Accepting signs the person in, like the sign-in form does. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  const [language, setLanguage] = useLanguage();
  return useMutation({
    mutationFn: (request: SetPasswordWithTokenRequest) => acceptInvitation(request),
    onSuccess: ({ user }) => {
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.auth.me(), user);
      reconcileLanguageAtSignIn(user, language, setLanguage, queryClient);
    },
  });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SetPasswordWithTokenRequest) => confirmPasswordReset(request),
    // Every session of the account has ended, this browser's included if it held one.
    onSuccess: () => queryClient.removeQueries(),
  });
}
