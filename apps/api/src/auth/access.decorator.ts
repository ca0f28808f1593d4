import { SetMetadata } from '@nestjs/common';

/** What a route requires; every route must declare one (checked at start-up). */
export enum Access {
  /** No sign-in: health, login, public forms. */
  Public = 'public',
  /** Any signed-in user. */
  User = 'user',
  /** Any signed-in user; the service lets staff change only records they own or are assigned. */
  OwnerOrManager = 'owner-or-manager',
  Manager = 'manager',
  Admin = 'admin',
}

export const ACCESS_METADATA = 'irm:access';

export const RequireAccess = (access: Access) => SetMetadata(ACCESS_METADATA, access);
