import type { Language, Role } from './users';

/** The signed-in person, as `GET /api/auth/me` returns it. */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  /** How this request was authenticated. */
  via: 'session' | 'token';
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: Me;
  /** When the session ends at the latest, however active the person is. */
  expiresAt: string;
  /** Minutes of inactivity after which the session ends. */
  idleTimeoutMinutes: number;
}

export interface UpdateProfileRequest {
  name?: string;
  language?: Language;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken extends ApiTokenSummary {
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface CreateApiTokenRequest {
  name: string;
}

/** Cookie names and the CSRF header, shared so the web client cannot drift from the server. */
export const SESSION_COOKIE = 'irm_session';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'X-CSRF-Token';
export const MIN_PASSWORD_LENGTH = 12;

/** Why a single-use account link was issued. */
export enum AccountTokenPurpose {
  Invitation = 'invitation',
  PasswordReset = 'password_reset',
}

/** What the page behind an invitation or reset link shows before the person chooses a password. */
export interface AccountTokenInfo {
  purpose: AccountTokenPurpose;
  email: string;
  name: string;
  expiresAt: string;
}

/** Problem codes (410) of an account link that can no longer be used; an unknown link is `not_found` (404). */
export enum AccountLinkProblem {
  Expired = 'link_expired',
  Used = 'link_used',
  /** A newer link of the same kind was sent since. */
  Replaced = 'link_replaced',
}

export interface PasswordResetRequest {
  email: string;
}

/** Accepting an invitation or confirming a reset: the token from the link and the password chosen. */
export interface SetPasswordWithTokenRequest {
  token: string;
  password: string;
}
