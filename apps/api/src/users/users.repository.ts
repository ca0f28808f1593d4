import { Injectable } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '../common/dto';
import { UserEntity } from './user.entity';

export interface UserFilter {
  q?: string;
  role?: Role;
  active?: boolean;
  /** Keyset: (name, id) of the last row of the previous page. */
  after?: [string, string];
  limit: number;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager).findOneBy({ id });
  }

  /** Locks the row until the transaction ends, for read-modify-write of one's own profile. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** With the password hash, which is otherwise never selected. */
  findForSignIn(email: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    return this.users()
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  async passwordHash(id: string): Promise<string | null> {
    const user = await this.users()
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .getOne();
    return user?.passwordHash ?? null;
  }

  list(filter: UserFilter): Promise<UserEntity[]> {
    const query = this.users()
      .createQueryBuilder('user')
      .orderBy('user.name', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .limit(filter.limit + 1);
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('user.active = :active', { active: filter.active });
    if (filter.q) {
      query.andWhere(`unaccent(user.name || ' ' || user.email) ILIKE unaccent(:q)`, {
        q: containsPattern(filter.q),
      });
    }
    if (filter.after) {
      query.andWhere('(user.name, user.id) > (:afterName, :afterId::uuid)', {
        afterName: filter.after[0],
        afterId: filter.after[1],
      });
    }
    return query.getMany();
  }

  async insert(
    manager: EntityManager,
    user: Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash'> & Partial<Pick<UserEntity, 'language'>>,
  ): Promise<UserEntity> {
    const result = await manager.insert(UserEntity, { ...user, active: true });
    return (await this.findById((result.identifiers[0] as { id: string }).id, manager))!;
  }

  /** Applies changes only if the row still has `version`; returns false when someone else changed it first. */
  async updateVersioned(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Partial<UserEntity>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ passwordHash, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }
}
