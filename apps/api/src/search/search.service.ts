import { Injectable } from '@nestjs/common';
import type { SearchResults } from '@irm/contracts';
import { SearchRepository } from './search.repository';

@Injectable()
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  /** The best few of each record type, best first across types (a type's own order is kept). */
  async search(q: string, perType: number): Promise<SearchResults> {
    const rows = await this.repository.search(q, perType);
    const hits = rows
      .map((row) => ({ ...row, score: Math.round(row.score * 100) / 100 }))
      .sort((a, b) => b.score - a.score);
    return { query: q, hits };
  }
}
