import type { LoginRequest } from '@irm/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, queryKeys } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { login, logout } from '../api/auth.api';
import { LOGIN_PATH } from '../utils/return-to';
import { reconcileLanguageAtSignIn } from './use-language-preference';

export function useLogin() {
  const queryClient = useQueryClient();
  const [language, setLanguage] = useLanguage();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => login(credentials),
    // 401 here means wrong credentials, which the form explains; it is not an ended session.
    meta: { handlesUnauthorized: true },
    onSuccess: ({ user }) => {
      // Nothing cached for a previous person may leak into this session.
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.auth.me(), user);
      reconcileLanguageAtSignIn(user, language, setLanguage, queryClient);
    },
  });
}

export function useLogout() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signedOut = () => {
    void navigate(LOGIN_PATH, { replace: true });
    queryClient.clear();
  };
  return useMutation({
    mutationFn: logout,
    meta: { handlesUnauthorized: true },
    onSuccess: signedOut,
    onError: (error) => {
      // The session had already ended: the person is signed out either way.
      if (isApiError(error) && error.status === 401) signedOut();
      else notify({ tone: 'error', message: t('auth.signOutFailed') });
    },
  });
}
