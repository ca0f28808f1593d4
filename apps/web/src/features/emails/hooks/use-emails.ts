import type { EmailMessage } from '@irm/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, queryKeys } from '../../../shared/api';
import { fetchFailedEmails, retryEmail, unsubscribe } from '../api/emails.api';

export function useFailedEmails() {
  return useInfiniteQuery({
    queryKey: queryKeys.emails.failed(),
    queryFn: ({ pageParam, signal }) => fetchFailedEmails(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/**
 * The email was changed since the list was read: a stale version (409), or it is no longer failed (422,
 * someone else's retry went through). Either way the list must be read again.
 */
export function isOutdatedEmail(error: unknown): boolean {
  return isApiError(error) && (error.status === 409 || error.status === 422);
}

/** Queues a failed email again with the version the admin saw; the list is read again whatever the answer. */
export function useRetryEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: EmailMessage) => retryEmail(email.id, { version: email.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.emails.all() }),
  });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => unsubscribe(token) });
}
