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
