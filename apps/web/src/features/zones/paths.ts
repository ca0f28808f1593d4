export const ZONES_PATH = '/zones';

export const zonePath = (id: string) => `${ZONES_PATH}/${encodeURIComponent(id)}`;

/** Router state a list link carries, so "back" returns to the same filtered list. */
export interface FromListState {
  listSearch: string;
}

export function listReturnPath(state: unknown): string {
  const search = (state as Partial<FromListState> | null)?.listSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${ZONES_PATH}${search}` : ZONES_PATH;
}
