import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { safeEqual } from '../auth/token-hasher';
import { UUID_PATTERN } from '../common/pagination';

/**
 * Unsubscribe links name the contact and carry a keyed signature, so nobody can unsubscribe someone
 * else by guessing ids, and nothing needs storing. They do not expire: an old email's link must still work.
 */
@Injectable()
export class UnsubscribeTokens {
  constructor(private readonly config: AppConfig) {}

  tokenFor(contactId: string): string {
    return `${contactId}.${this.signature(contactId)}`;
  }

  /** The contact a token names, or null when it is malformed or not ours. */
  contactOf(token: string): string | null {
    const dot = token.indexOf('.');
    if (dot < 0) return null;
    const contactId = token.slice(0, dot);
    if (!UUID_PATTERN.test(contactId)) return null;
    return safeEqual(token.slice(dot + 1), this.signature(contactId)) ? contactId.toLowerCase() : null;
  }

  /** The page a person opens from the email, and the address mail clients POST to (RFC 8058 one-click). */
  links(contactId: string): { page: string; oneClick: string } {
    const token = this.tokenFor(contactId);
    const base = this.config.appUrl.replace(/\/+$/, '');
    return { page: `${base}/unsubscribe/${token}`, oneClick: `${base}/api/public/unsubscribe/${token}` };
  }

  private signature(contactId: string): string {
    return createHmac('sha256', this.config.sessionSecret)
      .update(`unsubscribe:${contactId.toLowerCase()}`)
      .digest('base64url');
  }
}
