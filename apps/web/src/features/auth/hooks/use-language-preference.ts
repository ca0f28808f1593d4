import type { Language, Me } from '@irm/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError, queryKeys } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { updateProfile } from '../api/auth.api';

// A choice made on the sign-in page is the most recent one the person made, so it wins over the profile's.
let chosenWhileSignedOut = false;

/** The interface language; while signed in, a change is also saved to the profile (emails use it). */
export function useLanguagePreference(): [Language, (language: Language) => void] {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (next: Language) => updateProfile({ language: next }),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.auth.me(), me),
    onError: (error) => {
      if (!(isApiError(error) && error.status === 401))
        notify({ tone: 'warning', message: t('profile.languageSaveFailed') });
    },
  });

  return [
    language,
    (next) => {
      setLanguage(next);
      const me = queryClient.getQueryData<Me>(queryKeys.auth.me());
      if (!me) chosenWhileSignedOut = true;
      else if (me.language !== next) save.mutate(next);
    },
  ];
}

/** On signing in: show the profile's language, unless the person just picked one on the sign-in page. */
export function reconcileLanguageAtSignIn(
  me: Me,
  current: Language,
  changeLanguage: (language: Language) => void,
  queryClient: QueryClient,
): void {
  const chosen = chosenWhileSignedOut;
  chosenWhileSignedOut = false;
  if (me.language === current) return;
  if (!chosen) {
    changeLanguage(me.language);
    return;
  }
  updateProfile({ language: current }).then(
    (updated) => queryClient.setQueryData(queryKeys.auth.me(), updated),
    () => undefined, // the interface already shows the chosen language; the profile can be updated later
  );
}
