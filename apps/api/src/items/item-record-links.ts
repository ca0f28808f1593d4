import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordLinks } from '../records/record-links';

/** An investor or contact merge moves the pipeline items of the duplicate to the one kept. */
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
