import type { Contact, CreateContactRequest, RecordSort, UpdateContactRequest } from '@irm/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, type ContactListFilters } from '../../../shared/api';
import { isStaleVersion, replaceInLists } from '../../records';
import {
  createContact,
  deleteContact,
  fetchContact,
  fetchContacts,
  searchOrganizations,
  updateContact,
} from '../api/contacts.api';

export function useContactList(filters: ContactListFilters, sort: RecordSort = 'name') {
  return useInfiniteQuery({
    queryKey: queryKeys.contacts.list({ ...filters, sort }),
    queryFn: ({ pageParam, signal }) => fetchContacts({ ...filters, sort }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Typing in the search box keeps the current rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: queryKeys.contacts.detail(id),
    queryFn: ({ signal }) => fetchContact(id, signal),
  });
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, confirmDuplicate }: { request: CreateContactRequest; confirmDuplicate?: boolean }) =>
      createContact(request, confirmDuplicate),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.contacts.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.lists() });
    },
  });
}

export interface ContactChange {
  /** The record as the person saw it: its `version` guards against overwriting someone else's change. */
  contact: Contact;
  changes: Omit<UpdateContactRequest, 'version'>;
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contact, changes }: ContactChange) =>
      updateContact(contact.id, { ...changes, version: contact.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.contacts.detail(updated.id), updated);
      replaceInLists(queryClient, queryKeys.contacts.lists(), updated);
      // Filters and the name order may no longer match the changed row.
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject('contact', updated.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject('contact', updated.id) });
    },
    onError: (error, { contact }) => {
      // Someone else changed the record: load theirs, so the form shows what is true now.
      if (isStaleVersion(error)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.detail(contact.id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject('contact', contact.id) });
      }
    },
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: Contact) => deleteContact(contact.id, contact.version),
    onSuccess: (_result, contact) => {
      queryClient.removeQueries({ queryKey: queryKeys.contacts.detail(contact.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.lists() });
    },
    onError: (error, contact) => {
      if (isStaleVersion(error)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.detail(contact.id) });
      }
    },
  });
}

/** Investors matching the typed text, as picker options. */
export function useOrganizationOptions(q: string) {
  return useQuery({
    queryKey: queryKeys.organizations.picker(q),
    queryFn: ({ signal }) => searchOrganizations(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    select: (page) => page.items.map((organization) => ({ value: organization.id, label: organization.name })),
  });
}
