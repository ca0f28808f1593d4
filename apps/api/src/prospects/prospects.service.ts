import { Injectable } from '@nestjs/common';
import { PipelineKind, Prospect } from '@irm/contracts';
import type { WorkingDays } from '@irm/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { withItemLinks } from '../items/item-links';
import { ItemKindService } from '../items/item-kind.service';
import type { ItemRow } from '../items/items.repository';
import { ItemsService } from '../items/items.service';
import type { CreateProspectDto, UpdateProspectDto } from './prospect.dto';

/** Investor prospects: the common item and its planned capital and jobs. */
@Injectable()
export class ProspectsService extends ItemKindService<Prospect> {
  constructor(
    items: ItemsService,
    private readonly dataSource: DataSource,
  ) {
    super(items, PipelineKind.Prospect);
    items.register({
      kind: PipelineKind.Prospect,
      what: 'prospect',
      cardFigures: (row) => ({ capitalUsd: this.items.figures(row).capitalUsd }),
    });
  }

  protected async complete(rows: ItemRow[], days: WorkingDays): Promise<Prospect[]> {
    const now = new Date();
    return rows.map((row) => {
      const { capitalUsd, expectedJobs } = this.items.figures(row);
      return Object.assign(this.items.toBase(row, days, now), { capitalUsd, expectedJobs });
    });
  }

  async create(principal: Principal, input: CreateProspectDto): Promise<Prospect> {
    const id = await withItemLinks(() =>
      this.dataSource.transaction((manager) => this.items.create(manager, principal, this.kind, input)),
    );
    return this.get(id);
  }

  async update(principal: Principal, id: string, input: UpdateProspectDto): Promise<Prospect> {
    const { version, ...changes } = input;
    await withItemLinks(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.items.lockForEdit(manager, principal, this.kind, id, version);
        await this.items.update(manager, principal, before, changes);
      }),
    );
    return this.get(id);
  }
}
