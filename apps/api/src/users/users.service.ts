import { Injectable } from '@nestjs/common';
import { AuditAction, Page, Role, UpdateProfileRequest, User } from '@irm/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { AccountLinksService } from '../auth/account-links.service';
import { AccountTokensRepository } from '../auth/account-tokens.repository';
import { AuthRepository } from '../auth/auth.repository';
import { PasswordPolicy } from '../auth/password-policy';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { decodeNameIdCursor, toPage } from '../common/pagination';
import { NO_PASSWORD, PasswordHasher } from './password-hasher';
import type { CreateUserDto, UpdateUserDto, UserListQueryDto } from './users.dto';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

const AUDITED_FIELDS = ['name', 'role', 'active', 'language'] as const;

export function toUser(user: UserEntity): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    language: user.language === 'en' ? 'en' : 'vi',
    createdAt: user.createdAt.toISOString(),
    version: user.version,
    pendingInvitation: user.pendingInvitation,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly audit: AuditService,
    private readonly accountLinks: AccountLinksService,
    private readonly accountTokens: AccountTokensRepository,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<User>> {
    const after = decodeNameIdCursor(query.cursor);
    const rows = await this.users.list({
      q: query.q,
      role: query.role,
      active: query.active,
      after,
      limit: query.limit,
    });
    return toPage(rows, query.limit, toUser, (row) => [row.name, row.id]);
  }

  /**
   * Creates an account with the password the admin gives, or — with `invite` and no password — with none
   * usable yet and an invitation email (in the same transaction) whose link lets the person choose one.
   */
  async create(input: CreateUserDto, actor: Principal | null = null): Promise<User> {
    let passwordHash = NO_PASSWORD;
    let inviter: Principal | null = null;
    if (input.invite === true) {
      if (input.password !== undefined) {
        throw new AppException(ErrorCode.ValidationFailed, 'Give either a password or invite: true, not both.', [
          { field: 'password', message: 'must be left out when invite is true' },
        ]);
      }
      if (!actor) throw new TypeError('An invitation names who sends it');
      inviter = actor;
    } else {
      // The DTO requires a password here; a caller in code that forgets one fails the length rule.
      const password = input.password ?? '';
      const weakness = this.policy.check(password, [input.email, input.name]);
      if (weakness)
        throw new AppException(ErrorCode.RuleViolated, `The password ${weakness}.`, [
          { field: 'password', message: weakness },
        ]);
      passwordHash = await this.hasher.hash(password);
    }
    try {
      const user = await this.dataSource.transaction(async (manager) => {
        const created = await this.users.insert(manager, {
          email: input.email,
          name: input.name,
          role: input.role,
          language: input.language ?? 'vi',
          passwordHash,
        });
        await this.audit.record(manager, {
          action: AuditAction.Create,
          subjectType: 'user',
          subjectId: created.id,
          changes: diff({} as UserEntity, created, ['email', ...AUDITED_FIELDS]),
        });
        if (inviter) await this.accountLinks.sendInvitation(manager, created, inviter.name);
        return created;
      });
      return toUser(user);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppException(ErrorCode.Conflict, `A user with email ${input.email} already exists.`);
      throw error;
    }
  }

  /** A new invitation link for someone who has not chosen a password yet; the earlier link stops working. */
  async resendInvitation(actor: Principal, id: string, version: number): Promise<User> {
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.findByIdForUpdate(manager, id);
      if (!current) throw new AppException(ErrorCode.NotFound, `User ${id} does not exist.`);
      if (current.version !== version) {
        throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this user; reload and try again.');
      }
      if (!current.active) {
        throw new AppException(ErrorCode.RuleViolated, 'The account is deactivated; reactivate it first.');
      }
      if (!current.pendingInvitation) {
        throw new AppException(
          ErrorCode.RuleViolated,
          'This person has already chosen a password; they can reset it from the sign-in page.',
        );
      }
      // The new link changes what the row's readers saw (which invitation is live): a new version.
      await this.users.updateVersioned(manager, id, version, {});
      await this.accountLinks.sendInvitation(manager, current, actor.name);
      return (await this.users.findById(id, manager))!;
    });
    return toUser(user);
  }

  /** Admin change of name, role or status; a role change or deactivation ends the user's sessions at once. */
  async update(actor: Principal, id: string, input: UpdateUserDto): Promise<User> {
    const { version, ...changes } = input;
    if (
      id === actor.userId &&
      (changes.active === false || (changes.role !== undefined && changes.role !== Role.Admin))
    ) {
      throw new AppException(ErrorCode.RuleViolated, 'You cannot deactivate yourself or remove your own admin role.');
    }
    const user = await this.dataSource.transaction(async (manager) => {
      const before = await this.users.findById(id, manager);
      if (!before) throw new AppException(ErrorCode.NotFound, `User ${id} does not exist.`);
      if (!(await this.users.updateVersioned(manager, id, version, changes))) {
        throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this user; reload and try again.');
      }
      const after = (await this.users.findById(id, manager))!;
      const changed = diff(before, after, AUDITED_FIELDS);
      if ('role' in changed || 'active' in changed) await this.auth.revokeUserSessions(manager, id);
      // A deactivated account's invitation or reset link must not bring it back to life later.
      if (changed.active?.after === false) await this.accountTokens.revokeLive(manager, id);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: 'user',
        subjectId: id,
        changes: changed,
      });
      return after;
    });
    return toUser(user);
  }

  async updateProfile(actor: Principal, input: UpdateProfileRequest): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      // Locked, so two tabs saving at once apply one after the other rather than losing one.
      const before = (await this.users.findByIdForUpdate(manager, actor.userId))!;
      await this.users.updateVersioned(manager, actor.userId, before.version, input);
      const after = (await this.users.findById(actor.userId, manager))!;
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: 'user',
        subjectId: actor.userId,
        changes: diff(before, after, AUDITED_FIELDS),
      });
      return after;
    });
  }
}
