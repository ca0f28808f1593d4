import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the OWASP minimum: 19 MiB memory, 2 iterations, parallelism 1. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Stored instead of a hash for an invited user who has not chosen a password yet. No argon2 encoding starts
 * with "!", so nothing ever verifies against it.
 */
export const NO_PASSWORD = '!invited';

/** Whether a stored value is a real password hash (not the marker of an invitation still pending). */
export function isUsablePasswordHash(hash: string | null | undefined): hash is string {
  return !!hash && !hash.startsWith('!');
}

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    if (!isUsablePasswordHash(hash)) return Promise.resolve(false);
    return argon2.verify(hash, password).catch(() => false);
  }
}
