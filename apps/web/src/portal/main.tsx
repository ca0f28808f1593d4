import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api-error';
import { initialLanguage, LanguageProvider, loadDictionary } from './i18n';
import { PortalApp } from './PortalApp';
import { PortalRouter } from './router';

/**
 * The investor portal's own entry (portal.html): public pages only, no sign-in, none of the staff app's code.
 * eslint (apps/web/eslint.config.mjs) keeps it that way.
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again (a made-up link, an unknown zone).
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

const container = document.getElementById('portal-root');
if (!container) throw new Error('Missing #portal-root element in portal.html');

const wanted = initialLanguage();
void loadDictionary(wanted)
  .then((dictionary) => ({ language: wanted, dictionary }))
  // A chunk that failed to load (offline, a deploy in between): English travels with the page.
  .catch(() => loadDictionary('en').then((dictionary) => ({ language: 'en' as const, dictionary })))
  .then(({ language, dictionary }) => {
    createRoot(container).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <LanguageProvider initial={language} dictionary={dictionary}>
            <PortalRouter>
              <PortalApp />
            </PortalRouter>
          </LanguageProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
  });
