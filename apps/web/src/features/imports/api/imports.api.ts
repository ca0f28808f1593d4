import {
  CSRF_COOKIE,
  CSRF_HEADER,
  PROBLEM_CONTENT_TYPE,
  type ExportFormat,
  type ImportCreated,
  type ImportEntity,
  type ImportJob,
  type ImportRowErrorItem,
  type Page,
  type ProblemDetails,
} from '@irm/contracts';
import { api, ApiError, type QueryParams } from '../../../shared/api';

const importPath = (id: string) => `/imports/${encodeURIComponent(id)}`;

/** What is uploaded: the file and what it goes into (an attendee list names its event). */
export interface ImportUploadRequest {
  entity: ImportEntity;
  file: File;
  dryRun: boolean;
  eventId?: string;
}

/** Sends the file as multipart/form-data; the JSON client does not carry files. */
export async function uploadImport({ entity, file, dryRun, eventId }: ImportUploadRequest): Promise<ImportCreated> {
  const form = new FormData();
  form.append('entity', entity);
  form.append('dryRun', String(dryRun));
  if (eventId) form.append('eventId', eventId);
  form.append('file', file, file.name);
  const headers = new Headers({ Accept: `application/json, ${PROBLEM_CONTENT_TYPE}` });
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers.set(CSRF_HEADER, csrf);
  if (document.documentElement.lang) headers.set('Accept-Language', document.documentElement.lang);
  let response: Response;
  try {
    response = await fetch('/api/imports', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (response.ok) return (await response.json()) as ImportCreated;
  let problem: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: 'http_error',
  };
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    problem = { ...problem, ...((await response.json()) as Partial<ProblemDetails>) };
  }
  throw new ApiError(problem);
}

export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(importPath(id), { signal });
}

export function fetchImports(cursor: string | null, signal?: AbortSignal): Promise<Page<ImportJob>> {
  return api.get<Page<ImportJob>>('/imports', { query: { limit: 50, cursor }, signal });
}

export function fetchImportErrors(
  id: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<ImportRowErrorItem>> {
  return api.get<Page<ImportRowErrorItem>>(`${importPath(id)}/errors`, { query: { limit: 50, cursor }, signal });
}

export function cancelImport(id: string): Promise<ImportJob> {
  return api.post<ImportJob>(`${importPath(id)}/cancel`);
}

export function applyImport(id: string): Promise<ImportCreated> {
  return api.post<ImportCreated>(`${importPath(id)}/apply`);
}

/** Downloads are plain links: the session cookie goes along, and the browser saves the file. */
export const errorsCsvUrl = (id: string) => `/api${importPath(id)}/errors.csv`;

export const templateUrl = (entity: ImportEntity, format: ExportFormat, lang: string) =>
  `/api/imports/templates/${entity}?${new URLSearchParams({ format, lang })}`;

export function exportUrl(entity: ImportEntity, format: ExportFormat, filters: QueryParams, lang: string): string {
  const params = new URLSearchParams({ format, lang });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return `/api/exports/${entity}?${params}`;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
