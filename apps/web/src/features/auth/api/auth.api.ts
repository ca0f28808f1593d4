import type {
  AccountTokenInfo,
  ApiTokenSummary,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  LoginRequest,
  LoginResponse,
  Me,
  NotificationSettings,
  UpdateNotificationSettingsRequest,
  PasswordResetRequest,
  SetPasswordWithTokenRequest,
  UpdateProfileRequest,
} from '@irm/contracts';
import { api } from '../../../shared/api';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', credentials);
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return api.get<Me>('/auth/me', { signal });
}

export function updateProfile(changes: UpdateProfileRequest): Promise<Me> {
  return api.patch<Me>('/auth/me', changes);
}

export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return api.post<void>('/auth/password', request);
}

export async function fetchApiTokens(signal?: AbortSignal): Promise<ApiTokenSummary[]> {
  const { items } = await api.get<{ items: ApiTokenSummary[] }>('/auth/tokens', { signal });
  return items;
}

export function createApiToken(request: CreateApiTokenRequest): Promise<CreatedApiToken> {
  return api.post<CreatedApiToken>('/auth/tokens', request);
}

export function revokeApiToken(id: string): Promise<void> {
  return api.delete(`/auth/tokens/${encodeURIComponent(id)}`);
}

/** Answered alike whatever the address: an account with it gets an email with a reset link. */
export function requestPasswordReset(request: PasswordResetRequest): Promise<void> {
  return api.post<void>('/auth/password-reset', request);
}

/** Whose invitation or reset link this is; 404 when unknown, 410 when expired, used or replaced. */
export function fetchAccountToken(token: string, signal?: AbortSignal): Promise<AccountTokenInfo> {
  return api.get<AccountTokenInfo>(`/public/account-tokens/${encodeURIComponent(token)}`, { signal });
}

/** Sets the first password from an invitation link and signs in. */
export function acceptInvitation(request: SetPasswordWithTokenRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/invitation/accept', request);
}

export function confirmPasswordReset(request: SetPasswordWithTokenRequest): Promise<void> {
  return api.post<void>('/auth/password-reset/confirm', request);
}

export function fetchNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return api.get<NotificationSettings>('/auth/me/notifications', { signal });
}

export function updateNotificationSettings(request: UpdateNotificationSettingsRequest): Promise<NotificationSettings> {
  return api.put<NotificationSettings>('/auth/me/notifications', request);
}
