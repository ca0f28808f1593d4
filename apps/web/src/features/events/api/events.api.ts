import type {
  AddAttendeeRequest,
  BulkAddAttendeesRequest,
  BulkAddAttendeesResult,
  Contact,
  ConvertEventContactRequest,
  ConvertEventContactResult,
  CreatePromotionEventRequest,
  EventAttendee,
  EventRoi,
  Page,
  PromotionEvent,
  UpdatePromotionEventRequest,
  Zone,
} from '@irm/contracts';
import { api, type EventListFilters } from '../../../shared/api';

const PAGE_SIZE = 50;
export const ATTENDEE_PAGE_SIZE = 50;
const CONTACT_OPTIONS_LIMIT = 20;
/** More than the province has: every zone fits in one page. */
const ZONE_CHOICES_LIMIT = 200;

const eventPath = (id: string) => `/events/${encodeURIComponent(id)}`;

export function fetchEvents(
  filters: EventListFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PromotionEvent>> {
  return api.get<Page<PromotionEvent>>('/events', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });
}

export function fetchEvent(id: string, signal?: AbortSignal): Promise<PromotionEvent> {
  return api.get<PromotionEvent>(eventPath(id), { signal });
}

export function createEvent(request: CreatePromotionEventRequest): Promise<PromotionEvent> {
  return api.post<PromotionEvent>('/events', request);
}

export function updateEvent(id: string, request: UpdatePromotionEventRequest): Promise<PromotionEvent> {
  return api.patch<PromotionEvent>(eventPath(id), request);
}

export function deleteEvent(id: string, version: number): Promise<void> {
  return api.delete(eventPath(id), { query: { version } });
}

export function fetchEventRoi(id: string, signal?: AbortSignal): Promise<EventRoi> {
  return api.get<EventRoi>(`${eventPath(id)}/roi`, { signal });
}

export function fetchAttendees(id: string, cursor: string | null, signal?: AbortSignal): Promise<Page<EventAttendee>> {
  return api.get<Page<EventAttendee>>(`${eventPath(id)}/attendees`, {
    query: { limit: ATTENDEE_PAGE_SIZE, cursor },
    signal,
  });
}

export function addAttendee(id: string, request: AddAttendeeRequest): Promise<EventAttendee> {
  return api.post<EventAttendee>(`${eventPath(id)}/attendees`, request);
}

export function addAttendees(id: string, request: BulkAddAttendeesRequest): Promise<BulkAddAttendeesResult> {
  return api.post<BulkAddAttendeesResult>(`${eventPath(id)}/attendees/bulk`, request);
}

export function removeAttendee(id: string, attendeeId: string): Promise<void> {
  return api.delete(`${eventPath(id)}/attendees/${encodeURIComponent(attendeeId)}`);
}

export function convertEventContact(
  itemId: string,
  request: ConvertEventContactRequest,
): Promise<ConvertEventContactResult> {
  return api.post<ConvertEventContactResult>(`/event-contacts/${encodeURIComponent(itemId)}/convert`, request);
}

export function searchContacts(q: string, signal?: AbortSignal): Promise<Page<Contact>> {
  return api.get<Page<Contact>>('/contacts', { query: { q: q || undefined, limit: CONTACT_OPTIONS_LIMIT }, signal });
}

export function fetchZoneChoices(signal?: AbortSignal): Promise<Page<Zone>> {
  return api.get<Page<Zone>>('/zones', { query: { limit: ZONE_CHOICES_LIMIT }, signal });
}
