/** Keyset-paginated list, as every list endpoint returns. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** How record lists can be ordered: a field, descending with a leading "-". `name` is the record's name. */
export const RECORD_SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
