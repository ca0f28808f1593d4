import type { QueryClient } from '@tanstack/react-query';
import { isApiError, queryKeys, type RequestMeta } from '../../shared/api';
import { loginPath } from './utils/return-to';

interface LocationLike {
  pathname: string;
  search: string;
  hash: string;
}

export interface SessionExpiryOptions {
  queryClient: () => QueryClient;
  currentLocation: () => LocationLike;
  navigate: (to: string) => void;
  /** Tells the person why they are on the sign-in page. */
  announce: () => void;
}

/**
 * Builds the app-wide reaction to a 401 on any query or mutation while someone was signed in
 * (idle timeout, absolute lifetime, revoked session, deactivated account): forget everything cached
 * for that person, say why, and send them to sign in with a way back to where they were.
 * A 401 while nobody is signed in (the guard's first check) is left to the guard.
 */
export function createSessionExpiryHandler({ queryClient, currentLocation, navigate, announce }: SessionExpiryOptions) {
  return (error: unknown, meta: RequestMeta | undefined): void => {
    if (!isApiError(error) || error.status !== 401 || meta?.handlesUnauthorized) return;
    const client = queryClient();
    // Only the first failing request of a burst gets here: clearing removes the signed-in marker.
    if (client.getQueryData(queryKeys.auth.me()) === undefined) return;
    const from = currentLocation();
    client.clear();
    announce();
    navigate(loginPath(from));
  };
}
