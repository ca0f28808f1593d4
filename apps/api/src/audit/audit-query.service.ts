import { Injectable } from '@nestjs/common';
import type { AuditEvent, Page } from '@irm/contracts';
import { decodeCursor, toPage } from '../common/pagination';
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
    return toPage(
      rows,
      query.limit,
      (row) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString() }),
      (row) => [row.id],
    );
  }
}
