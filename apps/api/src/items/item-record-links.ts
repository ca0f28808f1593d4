import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordLinks } from '../records/record-links';

/** A merge of two investors or two contacts moves the duplicate's pipeline items to the one kept. */
@Injectable()
export class ItemRecordLinks implements OnModuleInit {
  constructor(private readonly links: RecordLinks) {}

  onModuleInit(): void {
    this.links.register('pipelineItems', async (manager, subject, fromId, toId) => {
      const column = subject === 'organization' ? 'organization_id' : 'contact_id';
      const [, count] = (await manager.query(
        `UPDATE pipeline_item SET ${column} = $2, version = version + 1, updated_at = now() WHERE ${column} = $1`,
        [fromId, toId],
      )) as [unknown, number];
      return count;
    });
  }
}
