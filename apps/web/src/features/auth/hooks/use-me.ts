import { createContext, useContext } from 'react';
import type { Me } from '@irm/contracts';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { fetchMe } from '../api/auth.api';

const ME_STALE_MS = 5 * 60_000;

/**
 * Who is signed in. A 401 answer means "nobody": the route guard sends the person to sign in.
 * Refetched when the window regains focus, which is when an idle session has most likely ended.
 */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.auth.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: ME_STALE_MS,
  });
}

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in person, for components under `RequireAuth` (which is what guarantees there is one). */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser is used outside RequireAuth');
  return me;
}
