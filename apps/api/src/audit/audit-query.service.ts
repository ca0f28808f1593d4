import { Injectable } from '@nestjs/common';
import type { AuditEvent, Page } from '@irm/contracts';
import { decodeCursor, encodeCursor } from '../common/pagination';
import type { AuditQueryDto } from './audit.dto';
import { AuditRepository } from './audit.repository';

@Injectable()
export class AuditQueryService {
  constructor(private readonly audit: AuditRepository) {}

  async find(query: AuditQueryDto): Promise<Page<AuditEvent>> {
    const beforeId = query.cursor
      ? String(decodeCursor(query.cursor, 1, ([id]) => /^\d{1,18}$/.test(String(id)))[0])
      : undefined;
    const rows = await this.audit.find(query, beforeId);
    const items = rows
      .slice(0, query.limit)
      .map((row) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString() }));
    return { items, nextCursor: rows.length > query.limit ? encodeCursor([items[items.length - 1].id]) : null };
  }
}
