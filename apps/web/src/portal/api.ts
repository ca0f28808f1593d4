import { useQuery } from '@tanstack/react-query';
import type {
  Page,
  PortalDocument,
  PortalMessage,
  PortalSubmitted,
  PortalTracking,
  PublicAgency,
  PublicEvent,
  PublicEventRegistrationRequest,
  PublicLandEnquiryRequest,
  PublicLoanApplicationRequest,
  PublicZone,
  PublicZoneQuery,
} from '@irm/contracts';
import { ApiError } from '../shared/api/api-error';
import { apiRequest } from '../shared/api/client';

/** The public API (no session): plain functions, wrapped in query hooks below. */
export const portalApi = {
  zones: (query: PublicZoneQuery, signal?: AbortSignal) =>
    apiRequest<Page<PublicZone>>('GET', '/public/zones', { query: { ...query }, signal }),
  zone: (id: string, signal?: AbortSignal) => apiRequest<PublicZone>('GET', `/public/zones/${id}`, { signal }),
  agency: (signal?: AbortSignal) => apiRequest<PublicAgency>('GET', '/public/agency', { signal }),
  events: (signal?: AbortSignal) => apiRequest<PublicEvent[]>('GET', '/public/events', { signal }),
  event: (id: string, signal?: AbortSignal) => apiRequest<PublicEvent>('GET', `/public/events/${id}`, { signal }),
  landEnquiry: (body: PublicLandEnquiryRequest) =>
    apiRequest<PortalSubmitted>('POST', '/public/land-enquiries', { body }),
  loanApplication: (body: PublicLoanApplicationRequest) =>
    apiRequest<PortalSubmitted>('POST', '/public/loan-applications', { body }),
  eventRegistration: (eventId: string, body: PublicEventRegistrationRequest) =>
    apiRequest<PortalSubmitted>('POST', `/public/events/${eventId}/registrations`, { body }),
  tracking: (token: string, signal?: AbortSignal) =>
    apiRequest<PortalTracking>('GET', `/public/track/${encodeURIComponent(token)}`, { signal }),
  message: (token: string, body: string) =>
    apiRequest<PortalMessage>('POST', `/public/track/${encodeURIComponent(token)}/messages`, { body: { body } }),
  resend: (email: string) => apiRequest<void>('POST', '/public/track/resend', { body: { email } }),
  upload: (token: string, file: File) => uploadDocument(token, file),
};

async function uploadDocument(token: string, file: File): Promise<PortalDocument> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/public/track/${encodeURIComponent(token)}/documents`, {
      method: 'POST',
      body,
      headers: { Accept: 'application/json, application/problem+json' },
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (response.ok) return json as PortalDocument;
  const problem = (json && typeof json === 'object' ? json : {}) as Partial<ApiError['problem']>;
  throw new ApiError({
    type: 'about:blank',
    title: response.statusText,
    code: 'http_error',
    ...problem,
    status: response.status,
  });
}

export const portalKeys = {
  zones: (query: PublicZoneQuery) => ['portal', 'zones', query] as const,
  zone: (id: string) => ['portal', 'zone', id] as const,
  agency: () => ['portal', 'agency'] as const,
  events: () => ['portal', 'events'] as const,
  event: (id: string) => ['portal', 'event', id] as const,
  tracking: (token: string) => ['portal', 'tracking', token] as const,
};

/** The whole catalogue (it is small and comes in one page); filters apply on the server. */
export function useZones(query: PublicZoneQuery) {
  return useQuery({
    queryKey: portalKeys.zones(query),
    queryFn: ({ signal }) => portalApi.zones(query, signal),
    placeholderData: (previous) => previous,
  });
}

export function useZone(id: string) {
  return useQuery({ queryKey: portalKeys.zone(id), queryFn: ({ signal }) => portalApi.zone(id, signal) });
}

/** The agency's name and contact for the header and footer: configuration data, kept for the visit. */
export function useAgency() {
  return useQuery({
    queryKey: portalKeys.agency(),
    queryFn: ({ signal }) => portalApi.agency(signal),
    staleTime: Infinity,
  });
}

export function useEvents() {
  return useQuery({ queryKey: portalKeys.events(), queryFn: ({ signal }) => portalApi.events(signal) });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: portalKeys.event(id), queryFn: ({ signal }) => portalApi.event(id, signal) });
}

/** Refetched when the investor comes back to the tab, so a status change shows without a reload. */
export function useTracking(token: string) {
  return useQuery({
    queryKey: portalKeys.tracking(token),
    queryFn: ({ signal }) => portalApi.tracking(token, signal),
    refetchOnWindowFocus: true,
    refetchInterval: 60_000,
  });
}
