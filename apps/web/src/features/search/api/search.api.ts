import type { SearchResults } from '@irm/contracts';
import { api } from '../../../shared/api';

/** Hits per record type: what fits the search box without scrolling far. */
const HITS_PER_TYPE = 5;

export function searchEverything(q: string, signal?: AbortSignal): Promise<SearchResults> {
  return api.get<SearchResults>('/search', { query: { q, limit: HITS_PER_TYPE }, signal });
}
