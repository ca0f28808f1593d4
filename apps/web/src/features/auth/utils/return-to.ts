export const LOGIN_PATH = '/login';
export const FORGOT_PASSWORD_PATH = '/forgot-password';

/** Router state the sign-in form hands to the forgotten-password page. */
export interface ForgotPasswordState {
  email?: string;
}
export const RETURN_TO_PARAM = 'returnTo';
const HOME = '/';

interface LocationLike {
  pathname: string;
  search?: string;
  hash?: string;
}

/**
 * Where to go after signing in. Only a path on this site is accepted, so a crafted link
 * (`?returnTo=https://evil.example`, `//evil.example`, `/\evil.example`) cannot send people elsewhere.
 */
export function safeReturnTo(value: string | null | undefined, origin = window.location.origin): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return HOME;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== origin || url.pathname === LOGIN_PATH) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering where the person was (nothing to remember for the home page). */
export function loginPath(from?: LocationLike): string {
  const target = from ? `${from.pathname}${from.search ?? ''}${from.hash ?? ''}` : HOME;
  if (target === HOME || from?.pathname === LOGIN_PATH) return LOGIN_PATH;
  return `${LOGIN_PATH}?${new URLSearchParams({ [RETURN_TO_PARAM]: target }).toString()}`;
}
