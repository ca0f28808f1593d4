import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TokenHasher } from '../auth/token-hasher';
import { AppException, ErrorCode } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { PortalRepository } from './portal.repository';

/** 32 random bytes in base64url: what every tracking link carries. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ResolvedToken {
  submissionId: string;
  visibleFrom: Date | null;
  expiresAt: Date;
}

/** The one answer for a link that is made up, expired or no longer leads anywhere. */
export const trackingNotFound = () =>
  new AppException(ErrorCode.NotFound, 'This tracking link is not valid. Ask for a new one with your email.');

/** Tracking links: 256 random bits each, only their keyed hash stored, each expiring after PORTAL_TRACKING_DAYS. */
@Injectable()
export class TrackingTokens {
  constructor(
    private readonly hasher: TokenHasher,
    private readonly portal: PortalRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new link to a submission; a `limited` one shows only what happens from this transaction on (see the token
   * entity).
   */
  async issue(
    manager: EntityManager,
    submissionId: string,
    limited = false,
  ): Promise<{ token: string; url: string; expiresAt: Date }> {
    const token = this.hasher.newSecret(32);
    const expiresAt = await this.portal.insertToken(manager, {
      submissionId,
      tokenHash: this.hasher.hash(token),
      limited,
      days: this.config.PORTAL_TRACKING_DAYS,
    });
    return { token, url: this.url(token), expiresAt };
  }

  /** A link of the right shape that leads nowhere (the honeypot's answer). */
  decoyUrl(): string {
    return this.url(this.hasher.newSecret(32));
  }

  url(token: string): string {
    return `${this.config.appUrl.replace(/\/$/, '')}/track/${token}`;
  }

  /** The submission a link leads to; a malformed, unknown or expired one is the same 404. */
  async resolve(token: string): Promise<ResolvedToken> {
    if (!TOKEN_PATTERN.test(token)) throw trackingNotFound();
    const found = await this.portal.findToken(this.hasher.hash(token));
    if (!found) throw trackingNotFound();
    return found;
  }
}
