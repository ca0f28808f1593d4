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
  /** The investor portal acting for a submission: nobody signed in; history columns name no one for it. */
  portal?: true;
}

/**
 * How the investor portal acts when a public form creates or changes records: with a manager's reach (it assigns
 * owners by the configured rule), attributed to the owner it assigned where a column needs a user, and to no one in
 * stage history and the audit trail (the request carries no principal).
 */
export function portalPrincipal(ownerId: string): Principal {
  return {
    userId: ownerId,
    email: '',
    name: 'Investor portal',
    role: Role.Manager,
    language: 'vi',
    via: 'token',
    portal: true,
  };
}

/** The user a change is attributed to in history columns; null when the portal acts. */
export function actingUserId(principal: Principal): string | null {
  return principal.portal ? null : principal.userId;
}

export function isManagerOrAdmin(principal: Principal): boolean {
  return principal.role === Role.Manager || principal.role === Role.Admin;
}
