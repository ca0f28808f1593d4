import type { LandBankSummary } from '@irm/contracts';
import { api } from '../../../shared/api';

export function fetchLandBankSummary(signal?: AbortSignal): Promise<LandBankSummary> {
  return api.get<LandBankSummary>('/zones/summary', { signal });
}
