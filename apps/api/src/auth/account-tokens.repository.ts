import { Injectable } from '@nestjs/common';
import { AccountTokenPurpose } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AccountTokenEntity } from './account-token.entity';

/** An account link looked up by its secret, with the person it is for. */
export interface FoundAccountToken {
  id: string;
  purpose: AccountTokenPurpose;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  /** A newer link of the same purpose exists for the same person. */
  replaced: boolean;
  expired: boolean;
  email: string;
  name: string;
  active: boolean;
}

/** SQL for single-use account links (invitations, password resets). */
@Injectable()
export class AccountTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Revokes the person's unused links of this purpose and stores the new one. Call with the user row locked,
   * so that two issues for one person cannot both pass the one-live-link index at once.
   */
  async issue(
    manager: EntityManager,
    token: Pick<AccountTokenEntity, 'purpose' | 'userId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<AccountTokenEntity> {
    await this.revokeLive(manager, token.userId, token.purpose);
    const [row] = (await manager.query(
      `INSERT INTO account_token (purpose, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)
       RETURNING id, created_at AS "createdAt"`,
      [token.purpose, token.userId, token.tokenHash, token.expiresAt],
    )) as { id: string; createdAt: Date }[];
    return { ...token, id: row.id, createdAt: row.createdAt, usedAt: null, revokedAt: null };
  }

  /** Voids the person's unused links, of one purpose or all; returns how many. */
  async revokeLive(manager: EntityManager, userId: string, purpose?: AccountTokenPurpose): Promise<number> {
    const [, affected] = (await manager.query(
      `UPDATE account_token SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND ($2::account_token_purpose IS NULL OR purpose = $2)`,
      [userId, purpose ?? null],
    )) as [unknown, number];
    return affected;
  }

  async findByHash(tokenHash: string, manager?: EntityManager): Promise<FoundAccountToken | null> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT t.id, t.purpose, t.user_id AS "userId", t.created_at AS "createdAt", t.expires_at AS "expiresAt",
              t.used_at AS "usedAt", t.revoked_at AS "revokedAt", t.expires_at <= now() AS expired,
              EXISTS (SELECT 1 FROM account_token n
                       WHERE n.user_id = t.user_id AND n.purpose = t.purpose AND n.created_at > t.created_at) AS replaced,
              u.email, u.name, u.active
         FROM account_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    )) as FoundAccountToken[];
    return rows[0] ?? null;
  }

  /** Marks the link used if it still may be: unused, not revoked, not expired. False when another request won. */
  async consume(manager: EntityManager, id: string): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE account_token SET used_at = now()
        WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [id],
    )) as [unknown, number];
    return affected > 0;
  }
}
