import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AccountTokenInfo, AccountTokenPurpose, AuditAction, EmailTemplateKey, Role } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { currentRequestContext, RequestContext, runWithRequestContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import { PasswordHasher } from '../users/password-hasher';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository, FoundAccountToken } from './account-tokens.repository';
import { AuthRepository } from './auth.repository';
import { AuthService, NewSession } from './auth.service';
import { PasswordPolicy } from './password-policy';
import { RateLimiter } from './rate-limiter';
import { TokenHasher } from './token-hasher';

/** 32 random bytes, base64url: what `TokenHasher.newSecret()` writes into a link. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const LINK_PATH: Record<AccountTokenPurpose, string> = {
  [AccountTokenPurpose.Invitation]: 'invitation',
  [AccountTokenPurpose.PasswordReset]: 'reset-password',
};

export interface InvitedUser {
  id: string;
  name: string;
  role: Role;
}

type ResetOutcome = 'sent' | 'unknown_email' | 'inactive' | 'throttled';

/**
 * Single-use links sent by email: the invitation that lets a new user choose their first password, and the
 * password reset. Links are stored as keyed hashes, expire, work once, and a new link of a purpose voids the
 * person's earlier ones; setting a password by any route voids them all.
 */
@Injectable()
export class AccountLinksService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AccountLinksService.name);
  /** Reset requests answered but still being handled (see `requestPasswordReset`). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly secrets: TokenHasher,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: AuthService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Issues an invitation link and queues its email, in the caller's transaction (the user just inserted, or
   * their row locked).
   */
  async sendInvitation(manager: EntityManager, user: InvitedUser, inviterName: string): Promise<void> {
    const { id, secret, expiresAt } = await this.issue(manager, user.id, AccountTokenPurpose.Invitation);
    await this.mail.queue(manager, {
      idempotencyKey: `account-token:${id}`,
      template: EmailTemplateKey.UserInvitation,
      data: {
        inviteeName: user.name,
        inviterName,
        role: user.role,
        acceptUrl: this.link(AccountTokenPurpose.Invitation, secret),
        expiresAt: expiresAt.toISOString(),
      },
      to: { userId: user.id },
    });
    await this.audit.record(manager, {
      action: AuditAction.InvitationSend,
      subjectType: 'user',
      subjectId: user.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
  }

  /** What the page behind a link shows; 404 for an unknown link, 410 for one that can no longer be used. */
  async describe(secret: string): Promise<AccountTokenInfo> {
    const token = await this.findUsable(secret);
    return {
      purpose: token.purpose,
      email: token.email,
      name: token.name,
      expiresAt: new Date(token.expiresAt).toISOString(),
    };
  }

  /** Sets the first password from an invitation link and signs the person in. */
  async acceptInvitation(secret: string, password: string, userAgent: string | null): Promise<NewSession> {
    return this.redeem(secret, AccountTokenPurpose.Invitation, password, async (manager, token, user) => {
      await this.audit.record(manager, {
        action: AuditAction.InvitationAccept,
        actorId: token.userId,
        subjectType: 'user',
        subjectId: token.userId,
      });
      return this.sessions.openSession(manager, user, userAgent);
    });
  }

  /** Sets a new password from a reset link; every session of the account ends. */
  async confirmPasswordReset(secret: string, password: string): Promise<void> {
    await this.redeem(secret, AccountTokenPurpose.PasswordReset, password, async (manager, token) => {
      await this.audit.record(manager, {
        action: AuditAction.PasswordReset,
        actorId: token.userId,
        subjectType: 'user',
        subjectId: token.userId,
      });
    });
  }

  /**
   * Answers at once, the same whatever the address, and then — detached from the response, so that its
   * duration cannot tell whether an account exists — emails a reset link to an active account. Only the
   * throttle per client address is answered (429): it counts every request alike.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const context = currentRequestContext();
    const windowMs = this.config.PASSWORD_RESET_WINDOW_MINUTES * 60_000;
    const perIp = await this.limiter.hit(
      'reset-ip',
      context.ip ?? 'unknown',
      this.config.PASSWORD_RESET_LIMIT_PER_IP,
      windowMs,
    );
    if (!perIp.allowed) {
      throw new AppException(
        ErrorCode.TooManyRequests,
        `Too many password reset requests. Try again in ${perIp.retryAfterSeconds} seconds.`,
        undefined,
        { 'retry-after': String(perIp.retryAfterSeconds) },
      );
    }
    const account = email.trim().toLowerCase();
    const task = runWithRequestContext(context, () => this.sendReset(account, windowMs, context))
      .catch((error: unknown) => this.logger.error({ err: error }, 'password reset request failed'))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** A stopping API finishes the reset requests it has already answered. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async sendReset(account: string, windowMs: number, context: RequestContext): Promise<void> {
    const perAccount = await this.limiter.hit(
      'reset-account',
      account,
      this.config.PASSWORD_RESET_LIMIT_PER_ACCOUNT,
      windowMs,
    );
    const user = await this.users.findForSignIn(account);
    const outcome: ResetOutcome = !user
      ? 'unknown_email'
      : !user.active
        ? 'inactive'
        : !perAccount.allowed
          ? 'throttled'
          : 'sent';
    const entry = {
      action: AuditAction.PasswordResetRequest,
      actorId: null,
      subjectType: user ? 'user' : undefined,
      subjectId: user?.id,
    };
    if (!user || outcome !== 'sent') {
      await this.audit.recordNow({ ...entry, details: { email: account, outcome } }, context);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      // Locked, so that a concurrent request for the same person waits and then replaces this link.
      const locked = await this.users.findByIdForUpdate(manager, user.id);
      if (!locked?.active) return;
      const { id, secret, expiresAt } = await this.issue(manager, locked.id, AccountTokenPurpose.PasswordReset);
      await this.mail.queue(manager, {
        idempotencyKey: `account-token:${id}`,
        template: EmailTemplateKey.PasswordReset,
        data: {
          name: locked.name,
          resetUrl: this.link(AccountTokenPurpose.PasswordReset, secret),
          expiresAt: expiresAt.toISOString(),
        },
        to: { userId: locked.id },
      });
      await this.audit.record(
        manager,
        { ...entry, details: { email: account, outcome, expiresAt: expiresAt.toISOString() } },
        context,
      );
    });
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
  ): Promise<{ id: string; secret: string; expiresAt: Date }> {
    const secret = this.secrets.newSecret();
    const ttlMs =
      purpose === AccountTokenPurpose.Invitation
        ? this.config.INVITATION_TTL_HOURS * 3_600_000
        : this.config.PASSWORD_RESET_TTL_MINUTES * 60_000;
    const expiresAt = new Date(Date.now() + ttlMs);
    const token = await this.tokens.issue(manager, {
      purpose,
      userId,
      tokenHash: this.secrets.hash(secret),
      expiresAt,
    });
    return { id: token.id, secret, expiresAt };
  }

  private link(purpose: AccountTokenPurpose, secret: string): string {
    return `${this.config.appUrl.replace(/\/+$/, '')}/${LINK_PATH[purpose]}/${secret}`;
  }

  /**
   * The shared path of both links: the link must be usable and of this purpose, the password must pass the
   * policy; then, in one transaction, the link is used up, the password set, every other link and every
   * session of the account ended, and `effect` runs (audit, sign-in). Nothing changes when any step refuses.
   */
  private async redeem<T>(
    secret: string,
    purpose: AccountTokenPurpose,
    password: string,
    effect: (manager: EntityManager, token: FoundAccountToken, user: UserEntity) => Promise<T>,
  ): Promise<T> {
    const token = await this.findUsable(secret, purpose);
    const weakness = this.policy.check(password, [token.email, token.name]);
    if (weakness) {
      throw new AppException(ErrorCode.RuleViolated, `The password ${weakness}.`, [
        { field: 'password', message: weakness },
      ]);
    }
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, token.userId);
      // Two requests with one link: the second finds it used (the first holds the user row until it commits).
      if (!user?.active || !(await this.tokens.consume(manager, token.id))) {
        const now = await this.tokens.findByHash(this.secrets.hash(secret), manager);
        throw linkProblem(now ?? token) ?? new AppException(ErrorCode.LinkUsed, 'This link is no longer valid.');
      }
      await this.users.setPasswordHash(manager, user.id, passwordHash);
      await this.tokens.revokeLive(manager, user.id);
      await this.auth.revokeUserSessions(manager, user.id);
      return effect(manager, token, user);
    });
  }

  private async findUsable(secret: string, purpose?: AccountTokenPurpose): Promise<FoundAccountToken> {
    const token = SECRET_PATTERN.test(secret) ? await this.tokens.findByHash(this.secrets.hash(secret)) : null;
    // A reset link offered as an invitation (or the reverse) is as unknown as a made-up one.
    if (!token || (purpose && token.purpose !== purpose)) {
      throw new AppException(ErrorCode.NotFound, 'This link is not valid. Check that it was copied whole.');
    }
    const problem = linkProblem(token);
    if (problem) throw problem;
    return token;
  }
}

/** Why a found link cannot be used, or null when it can. */
function linkProblem(token: FoundAccountToken): AppException | null {
  if (token.usedAt) return new AppException(ErrorCode.LinkUsed, 'This link has already been used.');
  if (token.revokedAt) {
    return token.replaced
      ? new AppException(ErrorCode.LinkReplaced, 'A newer link has been sent since; use the one in the latest email.')
      : new AppException(ErrorCode.LinkUsed, 'This link is no longer valid.');
  }
  if (token.expired) return new AppException(ErrorCode.LinkExpired, 'This link has expired.');
  if (!token.active) return new AppException(ErrorCode.LinkUsed, 'This link is no longer valid.');
  return null;
}
