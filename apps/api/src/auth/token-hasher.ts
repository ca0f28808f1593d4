import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

export const API_TOKEN_PREFIX = 'irm_';

/** Random bearer secrets (session cookies, API tokens, CSRF) and their keyed hashes at rest. */
@Injectable()
export class TokenHasher {
  constructor(private readonly config: AppConfig) {}

  newSecret(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
  }

  hash(secret: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(secret).digest('hex');
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
