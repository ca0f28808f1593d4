import { Injectable } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';
import { UserSessionEntity } from './user-session.entity';

export interface ResolvedUser {
  userId: string;
  email: string;
  name: string;
  role: Role;
  language: string;
}

export interface ResolvedSession extends ResolvedUser {
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ResolvedToken extends ResolvedUser {
  tokenId: string;
  lastUsedAt: Date | null;
}

const USER_COLUMNS = `u.id AS "userId", u.email, u.name, u.role, u.language`;

/** SQL for sessions and API tokens; the hot path is one indexed lookup per request. */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createSession(
    manager: EntityManager,
    session: Omit<UserSessionEntity, 'createdAt' | 'revokedAt' | 'user'>,
  ): Promise<void> {
    await manager.insert(UserSessionEntity, session);
  }

  async findLiveSession(tokenHash: string, idleMinutes: number): Promise<ResolvedSession | null> {
    const rows: ResolvedSession[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.active
          AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [tokenHash, idleMinutes],
    );
    return rows[0] ?? null;
  }

  async touchSession(tokenHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash]);
  }

  async revokeSession(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const result = await manager.query(
      `UPDATE user_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING token_hash`,
      [tokenHash],
    );
    return (result[0] as unknown[]).length > 0;
  }

  /** Ends every session of a user, optionally sparing one (the one changing its own password). */
  async revokeUserSessions(manager: EntityManager, userId: string, except?: string): Promise<void> {
    await manager.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR token_hash <> $2)`,
      [userId, except ?? null],
    );
  }

  async findLiveToken(tokenHash: string): Promise<ResolvedToken | null> {
    const rows: ResolvedToken[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, t.id AS "tokenId", t.last_used_at AS "lastUsedAt"
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async touchToken(tokenId: string): Promise<void> {
    await this.dataSource.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [tokenId]);
  }

  async createToken(
    manager: EntityManager,
    token: Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash'>,
  ): Promise<ApiTokenEntity> {
    const entity = manager.create(ApiTokenEntity, token);
    return manager.save(entity);
  }

  listTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.dataSource.getRepository(ApiTokenEntity).find({
      where: { userId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
  }

  async revokeToken(manager: EntityManager, userId: string, tokenId: string): Promise<boolean> {
    const result = await manager.query(
      `UPDATE api_token SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [tokenId, userId],
    );
    return (result[0] as unknown[]).length > 0;
  }
}
