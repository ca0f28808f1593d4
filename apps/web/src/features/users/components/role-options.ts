import { Role } from '@irm/contracts';
import type { TFunction } from 'i18next';

/** From most to least rights, the order an admin thinks in. */
export const ROLES: readonly Role[] = [Role.Admin, Role.Manager, Role.Staff];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
