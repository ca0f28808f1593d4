import type { Language, Role } from './users';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  language: Language;
  createdAt: string;
  version: number;
  /** Invited and has not yet chosen a password (cannot sign in until then). */
  pendingInvitation: boolean;
}

/**
 * Either `password` (the admin passes it on) or `invite: true` without a password: the person gets an
 * invitation email with a single-use link to choose their own.
 */
export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  password?: string;
  invite?: boolean;
  /** Language of their emails and of the interface at first sign-in; Vietnamese when left out. */
  language?: Language;
}

/** Sends a new invitation link (the earlier one stops working); `version` is the user row's. */
export interface ResendInvitationRequest {
  version: number;
}

/** Admin changes to a user; `version` guards against lost updates. */
export interface UpdateUserRequest {
  version: number;
  name?: string;
  role?: Role;
  active?: boolean;
}
