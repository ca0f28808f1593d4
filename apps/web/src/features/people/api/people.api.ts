import type { Page, UserSummary } from '@irm/contracts';
import { api } from '../../../shared/api';

/** Enough colleagues for a picker; typing narrows it further. */
const DIRECTORY_LIMIT = 8;

/** Active colleagues matching a typed name or email (any signed-in person may look them up). */
export function searchColleagues(q: string, signal?: AbortSignal): Promise<Page<UserSummary>> {
  return api.get<Page<UserSummary>>('/users/directory', {
    query: { q: q || undefined, limit: DIRECTORY_LIMIT },
    signal,
  });
}
