export { ApiTokensPanel } from './components/ApiTokensPanel';
export { LanguageSwitch } from './components/LanguageSwitch';
export { LoginForm } from './components/LoginForm';
export { ProfileSettings } from './components/ProfileSettings';
export { RequireAuth } from './components/RequireAuth';
export { RequireRole } from './components/RequireRole';
export { UserMenu } from './components/UserMenu';
export { useCurrentUser, useMe } from './hooks/use-me';
export { useLogin, useLogout } from './hooks/use-session';
export { createSessionExpiryHandler } from './session-expiry';
export {
  FORGOT_PASSWORD_PATH,
  LOGIN_PATH,
  RETURN_TO_PARAM,
  loginPath,
  safeReturnTo,
  type ForgotPasswordState,
} from './utils/return-to';
export { AccountLinkProblem, isLinkProblem } from './components/AccountLinkProblem';
export { ForgotPasswordForm } from './components/ForgotPasswordForm';
export { SetPasswordForm } from './components/SetPasswordForm';
export {
  useAcceptInvitation,
  useAccountToken,
  useConfirmPasswordReset,
  useRequestPasswordReset,
} from './hooks/use-account-links';
