import type { HealthResponse } from '@irm/contracts';
import { api } from '../../../shared/api';

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  // 503 still carries the per-check report, which is exactly what we want to show.
  return api.get<HealthResponse>('/health', { signal, acceptStatuses: [503] });
}
