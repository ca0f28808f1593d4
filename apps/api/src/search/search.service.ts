import { Injectable } from '@nestjs/common';
import type { SearchHitType, SearchResults } from '@irm/contracts';
import { SearchRepository } from './search.repository';

const TYPES: readonly SearchHitType[] = ['organization', 'contact', 'zone'];

@Injectable()
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  /**
   * The best few of each record type, best first across types (a type's own order is kept). Records containing
   * the words come first; only types with room left are searched again with typo tolerance.
   */
  async search(q: string, perType: number): Promise<SearchResults> {
    const rows = await this.repository.search(q, perType, 'exact', TYPES);
    const short = TYPES.filter((type) => rows.filter((row) => row.type === type).length < perType);
    if (short.length) {
      const found = rows.map((row) => row.id);
      rows.push(...(await this.repository.search(q, perType, 'fuzzy', short, found)));
    }
    const hits = rows
      .map((row) => ({ ...row, score: Math.round(row.score * 100) / 100 }))
      .sort((a, b) => b.score - a.score);
    return { query: q, hits };
  }
}
