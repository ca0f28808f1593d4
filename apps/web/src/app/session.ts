import type { QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { createSessionExpiryHandler } from '../features/auth';
import { createQueryClient } from '../shared/api';
import { notify } from '../shared/ui';
import { router } from './router';

/** The app's query client, with the one place that reacts to a session ending under the person's feet. */
export function createAppQueryClient(): QueryClient {
  const onSessionExpired = createSessionExpiryHandler({
    queryClient: () => queryClient,
    currentLocation: () => router.state.location,
    navigate: (to) => void router.navigate(to, { replace: true }),
    announce: () => notify({ tone: 'warning', message: i18next.t('auth.sessionExpired'), autoClose: 10_000 }),
  });
  const queryClient = createQueryClient({ onError: onSessionExpired });
  return queryClient;
}
