import type { Page, PipelineItemBase, PipelineKind, StageMove } from '@irm/contracts';
import type { WorkingDays } from '@irm/domain';
import type { Principal } from '../auth/principal';
import { encodeCursor } from '../common/pagination';
import type { ItemListQueryDto, MoveDto } from './items.dto';
import type { ItemRow } from './items.repository';
import type { ItemsService } from './items.service';

/**
 * What the four kinds' services share: listing, reading, moving and the history of their items. A kind says
 * how its rows become its items (usually the common fields plus a batch read of its own table).
 */
export abstract class ItemKindService<T extends PipelineItemBase> {
  protected constructor(
    protected readonly items: ItemsService,
    protected readonly kind: PipelineKind,
  ) {}

  /** The full items of these rows, in the same order. */
  protected abstract complete(rows: ItemRow[], days: WorkingDays): Promise<T[]>;

  async list(principal: Principal, query: ItemListQueryDto): Promise<Page<T>> {
    const { mine, ownerId, cursor, limit, sort, ...filter } = query;
    const rows = await this.items.list(
      { ...filter, kind: this.kind, ownerId: mine ? principal.userId : ownerId },
      sort,
      cursor,
      limit,
    );
    const days = await this.items.calendarDays();
    const shown = rows.slice(0, limit);
    const full = await this.complete(shown, days);
    const last = shown.at(-1);
    return {
      items: full,
      nextCursor: rows.length > limit && last ? encodeCursor([sort, last.sortKey!, last.id]) : null,
    };
  }

  async get(id: string): Promise<T> {
    const row = await this.items.find(this.kind, id);
    const [item] = await this.complete([row], await this.items.calendarDays());
    return item;
  }

  async move(principal: Principal, id: string, request: MoveDto): Promise<T> {
    await this.items.move(principal, this.kind, id, request);
    return this.get(id);
  }

  history(id: string): Promise<StageMove[]> {
    return this.items.history(this.kind, id);
  }
}
