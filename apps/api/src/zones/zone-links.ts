import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordLinks } from '../records/record-links';

/** An investor merge makes the survivor the infrastructure investor of the duplicate's zones. */
@Injectable()
export class ZoneLinks implements OnModuleInit {
  constructor(private readonly links: RecordLinks) {}

  onModuleInit(): void {
    this.links.register('zones', async (manager, subject, fromId, toId) => {
      if (subject !== 'organization') return 0;
      const [, count] = (await manager.query(
        `UPDATE zone SET infrastructure_investor_id = $2, version = version + 1, updated_at = now()
          WHERE infrastructure_investor_id = $1`,
        [fromId, toId],
      )) as [unknown, number];
      return count;
    });
  }
}
