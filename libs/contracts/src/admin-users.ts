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
}

export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Admin changes to a user; `version` guards against lost updates. */
export interface UpdateUserRequest {
  version: number;
  name?: string;
  role?: Role;
  active?: boolean;
}
