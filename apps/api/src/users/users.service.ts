import { Injectable } from '@nestjs/common';
import { AuditAction, Page, Role, UpdateProfileRequest, User } from '@irm/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { PasswordPolicy } from '../auth/password-policy';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { decodeNameIdCursor, toPage } from '../common/pagination';
import { PasswordHasher } from './password-hasher';
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

  async create(input: CreateUserDto): Promise<User> {
    const weakness = this.policy.check(input.password, [input.email, input.name]);
    if (weakness)
      throw new AppException(ErrorCode.RuleViolated, `The password ${weakness}.`, [
        { field: 'password', message: weakness },
      ]);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const user = await this.dataSource.transaction(async (manager) => {
        const created = await this.users.insert(manager, {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
        });
        await this.audit.record(manager, {
          action: AuditAction.Create,
          subjectType: 'user',
          subjectId: created.id,
          changes: diff({} as UserEntity, created, ['email', ...AUDITED_FIELDS]),
        });
        return created;
      });
      return toUser(user);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppException(ErrorCode.Conflict, `A user with email ${input.email} already exists.`);
      throw error;
    }
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
