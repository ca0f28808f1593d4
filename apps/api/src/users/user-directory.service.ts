import { Injectable } from '@nestjs/common';
import type { Page, UserSummary } from '@irm/contracts';
import { decodeNameIdCursor, toPage } from '../common/pagination';
import type { UserDirectoryQueryDto } from './user-directory.dto';
import { UsersRepository } from './users.repository';

/** Colleagues everyone may look up, to mention them or give them a task: active accounts, names and emails only. */
@Injectable()
export class UserDirectoryService {
  constructor(private readonly users: UsersRepository) {}

  async list(query: UserDirectoryQueryDto): Promise<Page<UserSummary>> {
    const rows = await this.users.list({
      q: query.q,
      active: true,
      after: decodeNameIdCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      ({ id, name, email }) => ({ id, name, email }),
      (row) => [row.name, row.id],
    );
  }
}
