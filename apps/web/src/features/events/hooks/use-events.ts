import {
  PipelineKind,
  type AddAttendeeRequest,
  type BulkAddAttendeesRequest,
  type ConvertEventContactRequest,
  type ConvertEventContactResult,
  type CreatePromotionEventRequest,
  type EventAttendee,
  type PromotionEvent,
  type PromotionEventSort,
  type UpdatePromotionEventRequest,
} from '@irm/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { queryKeys, type EventListFilters } from '../../../shared/api';
import { isStaleVersion, replaceInLists } from '../../records';
import {
  addAttendee,
  addAttendees,
  convertEventContact,
  createEvent,
  deleteEvent,
  fetchAttendees,
  fetchEvent,
  fetchEventRoi,
  fetchEvents,
  fetchZoneChoices,
  removeAttendee,
  searchContacts,
  updateEvent,
} from '../api/events.api';
import type { ConversionSubject } from '../conversion';

export function useEventList(filters: EventListFilters, sort: PromotionEventSort) {
  return useInfiniteQuery({
    queryKey: queryKeys.events.list({ ...filters, sort }),
    queryFn: ({ pageParam, signal }) => fetchEvents({ ...filters, sort }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: queryKeys.events.detail(id), queryFn: ({ signal }) => fetchEvent(id, signal) });
}

export function useEventRoi(id: string) {
  return useQuery({ queryKey: queryKeys.events.roi(id), queryFn: ({ signal }) => fetchEventRoi(id, signal) });
}

export function useAttendees(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.events.attendees(id),
    queryFn: ({ pageParam, signal }) => fetchAttendees(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePromotionEventRequest) => createEvent(request),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.events.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() });
    },
  });
}

export interface EventChange {
  /** The event as the person saw it: its `version` guards against overwriting someone else's change. */
  event: PromotionEvent;
  changes: Omit<UpdatePromotionEventRequest, 'version'>;
}

export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ event, changes }: EventChange) => updateEvent(event.id, { ...changes, version: event.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.events.detail(updated.id), updated);
      replaceInLists(queryClient, queryKeys.events.lists(), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() });
      // A new budget changes the cost per conversion.
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.roi(updated.id) });
    },
    onError: (error, { event }) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(event.id) });
    },
  });
}

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: PromotionEvent) => deleteEvent(event.id, event.version),
    onSuccess: (_result, event) => {
      queryClient.removeQueries({ queryKey: queryKeys.events.detail(event.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() });
    },
    onError: (_error, event) => {
      // Stale, or attendees were added meanwhile: show the event as it is now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(event.id) });
    },
  });
}

/** After attendees change: their list, the event's count and its return figures. */
function refreshAttendance(queryClient: QueryClient, eventId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.events.attendees(eventId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.events.roi(eventId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(eventId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() });
}

export function useAddAttendee(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddAttendeeRequest) => addAttendee(eventId, request),
    onSuccess: () => refreshAttendance(queryClient, eventId),
  });
}

export function useAddAttendees(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkAddAttendeesRequest) => addAttendees(eventId, request),
    onSuccess: () => refreshAttendance(queryClient, eventId),
  });
}

export function useRemoveAttendee(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attendee: EventAttendee) => removeAttendee(eventId, attendee.id),
    onSettled: () => refreshAttendance(queryClient, eventId),
  });
}

export interface Conversion {
  subject: ConversionSubject;
  request: Omit<ConvertEventContactRequest, 'version'>;
}

/**
 * After a conversion (or a refusal because the contact changed meanwhile): the contact's page, the lists and boards
 * of the event contacts and of the new item's kind, the event's attendees and return figures.
 */
function refreshConversion(queryClient: QueryClient, subject: ConversionSubject, result?: ConvertEventContactResult) {
  const kind = PipelineKind.EventContact;
  if (result) queryClient.setQueryData(queryKeys.items.detail(kind, subject.itemId), result.eventContact);
  void queryClient.invalidateQueries({ queryKey: queryKeys.items.all(kind) });
  if (result) void queryClient.invalidateQueries({ queryKey: queryKeys.items.all(result.item.kind) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.pipelines.all() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject(kind, subject.itemId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject(kind, subject.itemId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.reports.all() });
  if (subject.eventId) refreshAttendance(queryClient, subject.eventId);
}

export function useConvertEventContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, request }: Conversion) =>
      convertEventContact(subject.itemId, { ...request, version: subject.itemVersion }),
    onSuccess: (result, { subject }) => refreshConversion(queryClient, subject, result),
    onError: (error, { subject }) => {
      // Someone moved the contact meanwhile: load its current stage and version.
      if (isStaleVersion(error)) refreshConversion(queryClient, subject);
    },
  });
}

export function useContactOptions(q: string) {
  return useQuery({
    queryKey: queryKeys.events.contactPicker(q),
    queryFn: ({ signal }) => searchContacts(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    select: (page) => page.items,
  });
}

export function useZoneChoices(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.events.zoneChoices(),
    queryFn: ({ signal }) => fetchZoneChoices(signal),
    enabled,
    staleTime: 5 * 60_000,
    select: (page) => page.items.map((zone) => ({ value: zone.id, label: `${zone.name} (${zone.code})` })),
  });
}
