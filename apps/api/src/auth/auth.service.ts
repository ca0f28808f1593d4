import { Injectable } from '@nestjs/common';
import { AuditAction, LoginResponse, Me } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { currentRequestContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { isUsablePasswordHash, PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { AuthRepository } from './auth.repository';
import { PasswordPolicy } from './password-policy';
import type { Principal } from './principal';
import { RateLimiter } from './rate-limiter';
import { TokenHasher } from './token-hasher';

/** Who a new session is for. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Principal['role'];
  language: string;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  response: LoginResponse;
}

/** Refresh a session's last-seen time at most this often, to keep the hot path read-only. */
const TOUCH_INTERVAL_MS = 60_000;

export function toMe(principal: Principal): Me {
  return {
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    language: principal.language === 'en' ? 'en' : 'vi',
    via: principal.via,
  };
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures cost the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenHasher,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly policy: PasswordPolicy,
    private readonly accountTokens: AccountTokensRepository,
  ) {
    this.decoyHash = this.hasher.hash(this.tokens.newSecret());
  }

  async login(email: string, password: string, userAgent: string | null): Promise<NewSession> {
    const context = currentRequestContext();
    const account = email.trim().toLowerCase();
    const windowMs = this.config.LOGIN_WINDOW_MINUTES * 60_000;

    const perIp = await this.limiter.hit('login-ip', context.ip ?? 'unknown', this.config.LOGIN_LIMIT_PER_IP, windowMs);
    // Counted before the password is checked, so attempts arriving together (at any API process) cannot all pass a
    // count that none of them has raised yet; a sign-in that succeeds clears it again.
    const perAccount = await this.limiter.hit('login-account', account, this.config.LOGIN_LIMIT_PER_ACCOUNT, windowMs);
    if (!perIp.allowed || !perAccount.allowed) {
      const retryAfter = Math.max(
        perIp.allowed ? 0 : perIp.retryAfterSeconds,
        perAccount.allowed ? 0 : perAccount.retryAfterSeconds,
      );
      await this.audit.recordNow({ action: AuditAction.LoginFailed, details: { email: account, reason: 'throttled' } });
      throw new AppException(
        ErrorCode.TooManyRequests,
        `Too many sign-in attempts. Try again in ${retryAfter} seconds.`,
        undefined,
        {
          'retry-after': String(retryAfter),
        },
      );
    }

    const user = await this.users.findForSignIn(account);
    // An unknown email or an invitation still pending costs the same argon2 time as a wrong password.
    const usable = isUsablePasswordHash(user?.passwordHash);
    const verified = await this.hasher.verify(usable ? user!.passwordHash : await this.decoyHash, password);
    const valid = usable && verified;
    if (!user || !valid || !user.active) {
      await this.audit.recordNow({
        action: AuditAction.LoginFailed,
        actorId: user?.id ?? null,
        subjectType: user ? 'user' : undefined,
        subjectId: user?.id,
        details: {
          email: account,
          reason: !user ? 'unknown_email' : !usable ? 'no_password' : !valid ? 'wrong_password' : 'inactive',
        },
      });
      // One answer for every failure: no telling which emails exist.
      throw new AppException(ErrorCode.InvalidCredentials, 'The email or password is not correct.');
    }
    await this.limiter.reset('login-account', account);

    return this.dataSource.transaction((manager) => this.openSession(manager, user, userAgent));
  }

  /** Starts a signed-in session in the caller's transaction: sign-in, or an accepted invitation. */
  async openSession(manager: EntityManager, user: SessionUser, userAgent: string | null): Promise<NewSession> {
    const context = currentRequestContext();
    const token = this.tokens.newSecret();
    const now = Date.now();
    const expiresAt = new Date(now + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    await this.auth.createSession(manager, {
      tokenHash: this.tokens.hash(token),
      userId: user.id,
      lastSeenAt: new Date(now),
      expiresAt,
      ip: context.ip,
      userAgent: userAgent?.slice(0, 500) ?? null,
    });
    await this.audit.record(manager, {
      action: AuditAction.Login,
      actorId: user.id,
      subjectType: 'user',
      subjectId: user.id,
    });
    const principal: Principal = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      language: user.language,
      via: 'session',
    };
    return {
      token,
      csrfToken: this.tokens.newSecret(),
      response: {
        user: toMe(principal),
        expiresAt: expiresAt.toISOString(),
        idleTimeoutMinutes: this.config.SESSION_IDLE_MINUTES,
      },
    };
  }

  async logout(principal: Principal): Promise<void> {
    if (!principal.sessionTokenHash) return;
    await this.dataSource.transaction(async (manager) => {
      await this.auth.revokeSession(manager, principal.sessionTokenHash!);
      await this.audit.record(manager, {
        action: AuditAction.Logout,
        subjectType: 'user',
        subjectId: principal.userId,
      });
    });
  }

  /** The person behind a session cookie, or null when it is unknown, expired, idle too long or revoked. */
  async resolveSession(token: string): Promise<Principal | null> {
    const tokenHash = this.tokens.hash(token);
    const session = await this.auth.findLiveSession(tokenHash, this.config.SESSION_IDLE_MINUTES);
    if (!session) return null;
    if (Date.now() - new Date(session.lastSeenAt).getTime() > TOUCH_INTERVAL_MS)
      await this.auth.touchSession(tokenHash);
    return { ...pickUser(session), via: 'session', sessionTokenHash: tokenHash };
  }

  async resolveApiToken(token: string): Promise<Principal | null> {
    const found = await this.auth.findLiveToken(this.tokens.hash(token));
    if (!found) return null;
    if (!found.lastUsedAt || Date.now() - new Date(found.lastUsedAt).getTime() > TOUCH_INTERVAL_MS) {
      await this.auth.touchToken(found.tokenId);
    }
    return { ...pickUser(found), via: 'token', tokenId: found.tokenId };
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const hash = await this.users.passwordHash(principal.userId);
    if (!hash || !(await this.hasher.verify(hash, currentPassword))) {
      throw new AppException(ErrorCode.RuleViolated, 'The current password is not correct.', [
        { field: 'currentPassword', message: 'is not correct' },
      ]);
    }
    const weakness = this.policy.check(newPassword, [principal.email, principal.name]);
    if (weakness)
      throw new AppException(ErrorCode.RuleViolated, `The new password ${weakness}.`, [
        { field: 'newPassword', message: weakness },
      ]);
    const newHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, principal.userId, newHash);
      // Anyone else holding this account's sessions is signed out; this browser stays in.
      await this.auth.revokeUserSessions(manager, principal.userId, principal.sessionTokenHash);
      // A reset link asked for earlier would otherwise still replace the password just chosen.
      await this.accountTokens.revokeLive(manager, principal.userId);
      await this.audit.record(manager, {
        action: AuditAction.PasswordChange,
        subjectType: 'user',
        subjectId: principal.userId,
      });
    });
  }
}

function pickUser(user: { userId: string; email: string; name: string; role: Principal['role']; language: string }) {
  return { userId: user.userId, email: user.email, name: user.name, role: user.role, language: user.language };
}
