import type { CreateOrganizationRequest, Organization, RecordSort, UpdateOrganizationRequest } from '@irm/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, type OrganizationListFilters } from '../../../shared/api';
import { isStaleVersion, replaceInLists } from '../../records';
import {
  createOrganization,
  deleteOrganization,
  fetchOrganization,
  fetchOrganizations,
  fetchOwnerOptions,
  updateOrganization,
} from '../api/organizations.api';

export function useOrganizationList(filters: OrganizationListFilters, sort: RecordSort = 'name') {
  return useInfiniteQuery({
    queryKey: queryKeys.organizations.list({ ...filters, sort }),
    queryFn: ({ pageParam, signal }) => fetchOrganizations({ ...filters, sort }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Typing in the search box keeps the current rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: queryKeys.organizations.detail(id),
    queryFn: ({ signal }) => fetchOrganization(id, signal),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, confirmDuplicate }: { request: CreateOrganizationRequest; confirmDuplicate?: boolean }) =>
      createOrganization(request, confirmDuplicate),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.organizations.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.organizations.lists() });
    },
  });
}

export interface OrganizationChange {
  /** The record as the person saw it: its `version` guards against overwriting someone else's change. */
  organization: Organization;
  changes: Omit<UpdateOrganizationRequest, 'version'>;
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organization, changes }: OrganizationChange) =>
      updateOrganization(organization.id, { ...changes, version: organization.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.organizations.detail(updated.id), updated);
      replaceInLists(queryClient, queryKeys.organizations.lists(), updated);
      // Filters and the name order may no longer match the changed row.
      void queryClient.invalidateQueries({ queryKey: queryKeys.organizations.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject('organization', updated.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject('organization', updated.id) });
    },
    onError: (error, { organization }) => {
      // Someone else changed the record: load theirs, so the form shows what is true now.
      if (isStaleVersion(error)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.organizations.detail(organization.id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject('organization', organization.id) });
      }
    },
  });
}

export function useDeleteOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organization: Organization) => deleteOrganization(organization.id, organization.version),
    onSuccess: (_result, organization) => {
      queryClient.removeQueries({ queryKey: queryKeys.organizations.detail(organization.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.organizations.lists() });
    },
    onError: (error, organization) => {
      if (isStaleVersion(error)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.organizations.detail(organization.id) });
      }
    },
  });
}

/**
 * Who else can own a record. Listing users is not open to every role: when the server says no (403), the
 * only choice is the person themself, which is also what the server does when no owner is sent.
 */
export function useOwnerOptions(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.organizations.ownerOptions(),
    queryFn: ({ signal }) => fetchOwnerOptions(signal),
    enabled,
    staleTime: 5 * 60_000,
    select: (page) => page.items.map((user) => ({ id: user.id, name: user.name })),
  });
}
