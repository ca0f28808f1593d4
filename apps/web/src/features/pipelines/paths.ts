import type { PipelineKind } from '@irm/contracts';
import { KIND_SETTINGS } from './kinds';

export const PIPELINES_PATH = '/pipelines';

/** A pipeline's board (or list, with `?view=list`). */
export const pipelinePath = (kind: PipelineKind) => `${PIPELINES_PATH}/${kind}`;

/** One item's page, e.g. `/land-enquiries/<id>`. */
export const itemPath = (kind: PipelineKind, id: string) =>
  `${KIND_SETTINGS[kind].itemsPath}/${encodeURIComponent(id)}`;

/** Router state a board or list link carries, so "back" returns to the same filtered board or list. */
export interface FromPipelineState {
  listSearch: string;
}

export function pipelineReturnPath(kind: PipelineKind, state: unknown): string {
  const search = (state as Partial<FromPipelineState> | null)?.listSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${pipelinePath(kind)}${search}` : pipelinePath(kind);
}
