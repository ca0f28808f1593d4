export const INVESTORS_PATH = '/investors';

export const investorPath = (id: string) => `${INVESTORS_PATH}/${encodeURIComponent(id)}`;

/** Router state a list link carries, so "back" returns to the same filtered list. */
export interface FromListState {
  listSearch: string;
}

export function listReturnPath(state: unknown): string {
  const search = (state as Partial<FromListState> | null)?.listSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${INVESTORS_PATH}${search}` : INVESTORS_PATH;
}
