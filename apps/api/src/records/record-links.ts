import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Types of record that other rows point at and that can be merged. */
export type LinkedSubject = 'organization' | 'contact';

/** Moves the rows one module keeps for `fromId` onto `toId`; returns how many moved. */
export type Relink = (manager: EntityManager, subject: LinkedSubject, fromId: string, toId: string) => Promise<number>;

/**
 * Where modules that hang rows on organizations and contacts (contacts, tasks, timeline, zones, pipeline items)
 * register how to move them, so a merge moves everything without the merging module knowing each table.
 */
@Injectable()
export class RecordLinks {
  private readonly relinks = new Map<string, Relink>();

  register(kind: string, relink: Relink): void {
    if (this.relinks.has(kind)) throw new Error(`Linked rows "${kind}" are registered twice`);
    this.relinks.set(kind, relink);
  }

  /** Runs every registered move inside the caller's transaction; counts per kind, zeros left out. */
  async relink(manager: EntityManager, subject: LinkedSubject, fromId: string, toId: string) {
    const moved: Record<string, number> = {};
    for (const [kind, relink] of this.relinks) {
      const count = await relink(manager, subject, fromId, toId);
      if (count) moved[kind] = count;
    }
    return moved;
  }
}

/** Import it where rows are registered or moved; Nest keeps one registry for the whole application. */
@Module({ providers: [RecordLinks], exports: [RecordLinks] })
export class RecordLinksModule {}
