import { Role } from '@irm/contracts';

/** Who is making a request, resolved once by the authentication guard. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  language: string;
  via: 'session' | 'token';
  sessionTokenHash?: string;
  tokenId?: string;
}

export function isManagerOrAdmin(principal: Principal): boolean {
  return principal.role === Role.Manager || principal.role === Role.Admin;
}
