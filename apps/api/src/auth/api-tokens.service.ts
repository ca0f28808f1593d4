import { Injectable } from '@nestjs/common';
import { ApiTokenSummary, AuditAction, CreatedApiToken } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import type { ApiTokenEntity } from './api-token.entity';
import { AuthRepository } from './auth.repository';
import type { Principal } from './principal';
import { API_TOKEN_PREFIX, TokenHasher } from './token-hasher';

const MAX_TOKENS_PER_USER = 20;

function toSummary(token: ApiTokenEntity): ApiTokenSummary {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthRepository,
    private readonly hasher: TokenHasher,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal): Promise<ApiTokenSummary[]> {
    return (await this.auth.listTokens(principal.userId)).map(toSummary);
  }

  async create(principal: Principal, name: string): Promise<CreatedApiToken> {
    const secret = `${API_TOKEN_PREFIX}${this.hasher.newSecret()}`;
    const token = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent creations by the same user so the cap holds.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`api-token:${principal.userId}`]);
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM api_token WHERE user_id = $1 AND revoked_at IS NULL`,
        [principal.userId],
      );
      if (count >= MAX_TOKENS_PER_USER) {
        throw new AppException(
          ErrorCode.RuleViolated,
          `At most ${MAX_TOKENS_PER_USER} tokens; revoke one you no longer use.`,
        );
      }
      const created = await this.auth.createToken(manager, {
        userId: principal.userId,
        name,
        tokenHash: this.hasher.hash(secret),
      });
      await this.audit.record(manager, {
        action: AuditAction.TokenCreate,
        subjectType: 'api_token',
        subjectId: created.id,
        details: { name },
      });
      return created;
    });
    return { ...toSummary(token), token: secret };
  }

  async revoke(principal: Principal, tokenId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.auth.revokeToken(manager, principal.userId, tokenId))) {
        throw new AppException(ErrorCode.NotFound, 'No such token among yours.');
      }
      await this.audit.record(manager, {
        action: AuditAction.TokenRevoke,
        subjectType: 'api_token',
        subjectId: tokenId,
      });
    });
  }
}
