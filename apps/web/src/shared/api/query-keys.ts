import type {
  ContactListQuery,
  OrganizationListQuery,
  ReportPeriod,
  ReportWindow,
  Role,
  TaskListQuery,
  ZoneListQuery,
  ZoneType,
  PromotionEventListQuery,
} from '@irm/contracts';

export interface UserListFilters {
  q?: string;
  role?: Role;
  active?: boolean;
}

/** The list filters of the investors page; paging (`limit`, `cursor`) is the query's own business. */
export type OrganizationListFilters = Omit<OrganizationListQuery, 'limit' | 'cursor'>;

/** The list filters of the contacts page (and of an investor's contacts panel). */
export type ContactListFilters = Omit<ContactListQuery, 'limit' | 'cursor'>;

/** The list filters of the zones page. */
export type ZoneListFilters = Omit<ZoneListQuery, 'limit' | 'cursor'>;

/** The filters of a task list (the inbox tab, or one record's tasks); paging is the query's own business. */
export type TaskListFilters = Omit<TaskListQuery, 'limit' | 'cursor'>;

/** The list filters of the events page. */
export type EventListFilters = Omit<PromotionEventListQuery, 'limit' | 'cursor'>;

/** Every query key of the app, so invalidation targets stay discoverable in one place. */
export const queryKeys = {
  health: () => ['health'] as const,
  search: (q: string) => ['search', q] as const,
  duplicates: (subject: 'organization' | 'contact') => ['duplicates', subject] as const,
  auth: {
    me: () => ['auth', 'me'] as const,
    tokens: () => ['auth', 'tokens'] as const,
    /** An invitation or password reset link, looked up before the person chooses a password. */
    accountToken: (token: string) => ['auth', 'account-token', token] as const,
    /** Which reminder mail the signed-in person gets. */
    notifications: () => ['auth', 'notifications'] as const,
  },
  /** The email log: failed deliveries for admins (a record's emails come with its timeline). */
  emails: {
    all: () => ['emails'] as const,
    failed: () => [...queryKeys.emails.all(), 'failed'] as const,
  },
  users: {
    all: () => ['users'] as const,
    lists: () => [...queryKeys.users.all(), 'list'] as const,
    list: (filters: UserListFilters) => [...queryKeys.users.lists(), filters] as const,
    /** Colleagues any signed-in person may look up (mentions, assignees). */
    directory: (q: string) => [...queryKeys.users.all(), 'directory', q] as const,
  },
  organizations: {
    all: () => ['organizations'] as const,
    lists: () => [...queryKeys.organizations.all(), 'list'] as const,
    list: (filters: OrganizationListFilters) => [...queryKeys.organizations.lists(), filters] as const,
    details: () => [...queryKeys.organizations.all(), 'detail'] as const,
    detail: (id: string) => [...queryKeys.organizations.details(), id] as const,
    /** People who can own a record; only some roles may list them. */
    ownerOptions: () => [...queryKeys.organizations.all(), 'owner-options'] as const,
    /** Investors matching a typed name, for pickers in other features' forms. */
    picker: (q: string) => [...queryKeys.organizations.all(), 'picker', q] as const,
  },
  contacts: {
    all: () => ['contacts'] as const,
    lists: () => [...queryKeys.contacts.all(), 'list'] as const,
    list: (filters: ContactListFilters) => [...queryKeys.contacts.lists(), filters] as const,
    details: () => [...queryKeys.contacts.all(), 'detail'] as const,
    detail: (id: string) => [...queryKeys.contacts.details(), id] as const,
  },
  imports: {
    all: () => ['imports'] as const,
    lists: () => [...queryKeys.imports.all(), 'list'] as const,
    detail: (id: string) => [...queryKeys.imports.all(), 'detail', id] as const,
    errors: (id: string) => [...queryKeys.imports.all(), 'errors', id] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    subject: (subjectType: string, subjectId: string) => [...queryKeys.audit.all(), subjectType, subjectId] as const,
  },
  timeline: {
    all: () => ['timeline'] as const,
    subject: (subjectType: string, subjectId: string) => [...queryKeys.timeline.all(), subjectType, subjectId] as const,
    /** The item's portal entries alone; under the subject's key, so every timeline refresh reaches it. */
    portalThread: (subjectType: string, subjectId: string) =>
      [...queryKeys.timeline.subject(subjectType, subjectId), 'portal'] as const,
  },
  tasks: {
    all: () => ['tasks'] as const,
    lists: () => [...queryKeys.tasks.all(), 'list'] as const,
    list: (filters: TaskListFilters) => [...queryKeys.tasks.lists(), filters] as const,
    summary: () => [...queryKeys.tasks.all(), 'summary'] as const,
  },
  pipelines: {
    all: () => ['pipelines'] as const,
    list: () => [...queryKeys.pipelines.all(), 'list'] as const,
    /** Items per stage of one pipeline, for its settings. */
    stageUsage: (id: string) => [...queryKeys.pipelines.all(), 'stage-usage', id] as const,
    boards: (pipelineId: string) => [...queryKeys.pipelines.all(), 'board', pipelineId] as const,
    board: (pipelineId: string, filters: object) => [...queryKeys.pipelines.boards(pipelineId), filters] as const,
  },
  zones: {
    all: () => ['zones'] as const,
    summary: () => [...queryKeys.zones.all(), 'summary'] as const,
    lists: () => [...queryKeys.zones.all(), 'list'] as const,
    list: (filters: ZoneListFilters) => [...queryKeys.zones.lists(), filters] as const,
    districts: () => [...queryKeys.zones.all(), 'districts'] as const,
    details: () => [...queryKeys.zones.all(), 'detail'] as const,
    detail: (id: string) => [...queryKeys.zones.details(), id] as const,
    /** A zone's land ledger: the paged table and the chart's latest entries. */
    movements: (id: string) => [...queryKeys.zones.detail(id), 'movements'] as const,
  },
  /** Pipeline items of one kind (prospect, land_enquiry, loan_application, event_contact). */
  items: {
    all: (kind: string) => ['items', kind] as const,
    lists: (kind: string) => [...queryKeys.items.all(kind), 'list'] as const,
    list: (kind: string, request: object) => [...queryKeys.items.lists(kind), request] as const,
    details: (kind: string) => [...queryKeys.items.all(kind), 'detail'] as const,
    detail: (kind: string, id: string) => [...queryKeys.items.details(kind), id] as const,
    /** Stage moves, zone matches, tranches: what hangs off one item. */
    part: (kind: string, id: string, part: 'history' | 'matches' | 'tranches') =>
      [...queryKeys.items.detail(kind, id), part] as const,
  },
  /** Manager reports, by their parameters; all of them refresh together. */
  reports: {
    all: () => ['reports'] as const,
    funnel: (window: ReportWindow, pipelineId: string, period: ReportPeriod) =>
      [...queryKeys.reports.all(), 'funnel', window, pipelineId, period] as const,
    timeInStage: (window: ReportWindow, pipelineId: string) =>
      [...queryKeys.reports.all(), 'time-in-stage', window, pipelineId] as const,
    slaBreaches: (window: ReportWindow) => [...queryKeys.reports.all(), 'sla-breaches', window] as const,
    zoneOccupancy: (type: ZoneType | null) => [...queryKeys.reports.all(), 'zone-occupancy', type] as const,
    eventRoi: (window: ReportWindow) => [...queryKeys.reports.all(), 'event-roi', window] as const,
    loanPortfolio: (window: ReportWindow) => [...queryKeys.reports.all(), 'loan-portfolio', window] as const,
  },
  /** What came through the investor portal: an item's documents, and who takes new submissions. */
  portal: {
    all: () => ['portal'] as const,
    documents: (itemId: string) => [...queryKeys.portal.all(), 'documents', itemId] as const,
    assignment: () => [...queryKeys.portal.all(), 'assignment'] as const,
    /** Active colleagues who can take submissions. */
    staff: () => [...queryKeys.portal.all(), 'staff'] as const,
  },
  events: {
    all: () => ['events'] as const,
    lists: () => [...queryKeys.events.all(), 'list'] as const,
    list: (filters: EventListFilters) => [...queryKeys.events.lists(), filters] as const,
    details: () => [...queryKeys.events.all(), 'detail'] as const,
    detail: (id: string) => [...queryKeys.events.details(), id] as const,
    /** An event's attendees with their event contacts' stages, and its return figures: both change together. */
    attendees: (id: string) => [...queryKeys.events.all(), 'attendees', id] as const,
    roi: (id: string) => [...queryKeys.events.all(), 'roi', id] as const,
    /** Contacts matching a typed name, for the attendee picker. */
    contactPicker: (q: string) => [...queryKeys.events.all(), 'contact-picker', q] as const,
    /** Zones to choose from when a contact becomes a land enquiry. */
    zoneChoices: () => [...queryKeys.events.all(), 'zone-choices'] as const,
  },
};
