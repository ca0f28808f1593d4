import { Role } from '@irm/contracts';
import type { ComponentType } from 'react';
import type { Icon } from '@tabler/icons-react';
import {
  IconAddressBook,
  IconAdjustmentsHorizontal,
  IconBuildingFactory2,
  IconBuildingSkyscraper,
  IconChartHistogram,
  IconChecklist,
  IconCopy,
  IconFileImport,
  IconBuildingBank,
  IconCalendarEvent,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconMailExclamation,
  IconMap2,
  IconTargetArrow,
  IconUserShare,
  IconUsers,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { PORTAL_ASSIGNMENT_PATH } from '../../features/investor-portal';
import { PIPELINE_SETTINGS_PATH } from '../../features/pipeline-settings';
import { FAILED_EMAILS_PATH } from '../../features/emails';
import { DASHBOARD_PATH } from '../../features/reports';
import { TASKS_PATH, TasksNavBadge } from '../../features/tasks';

export interface NavItem {
  to: string;
  labelKey: ParseKeys;
  icon: Icon;
  /** Roles that can use the page; everyone when absent. The server enforces the same rule. */
  roles?: readonly Role[];
  /** Shown at the end of the entry, e.g. a count that needs attention. */
  badge?: ComponentType;
  /** Entries grouped under this one (e.g. the four pipelines); the group opens while one of them is shown. */
  children?: readonly NavItem[];
  /** Other paths that belong to the group (its records' pages), so it stays open on them too. */
  groupPaths?: readonly string[];
}

/** Only capabilities that exist get an entry; each new feature adds its own. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.overview', icon: IconLayoutDashboard },
  { to: DASHBOARD_PATH, labelKey: 'nav.dashboard', icon: IconChartHistogram, roles: [Role.Manager, Role.Admin] },
  { to: '/investors', labelKey: 'nav.investors', icon: IconBuildingSkyscraper },
  { to: '/contacts', labelKey: 'nav.contacts', icon: IconAddressBook },
  { to: '/zones', labelKey: 'nav.zones', icon: IconBuildingFactory2 },
  {
    to: '/pipelines',
    labelKey: 'nav.pipelines',
    icon: IconLayoutKanban,
    groupPaths: ['/prospects', '/land-enquiries', '/loan-applications', '/event-contacts'],
    children: [
      { to: '/pipelines/prospect', labelKey: 'nav.prospects', icon: IconTargetArrow },
      { to: '/pipelines/land_enquiry', labelKey: 'nav.landEnquiries', icon: IconMap2 },
      { to: '/pipelines/loan_application', labelKey: 'nav.loanApplications', icon: IconBuildingBank },
      { to: '/pipelines/event_contact', labelKey: 'nav.eventContacts', icon: IconCalendarEvent },
    ],
  },
  { to: '/events', labelKey: 'nav.events', icon: IconCalendarEvent },
  { to: TASKS_PATH, labelKey: 'nav.tasks', icon: IconChecklist, badge: TasksNavBadge },
  { to: '/duplicates', labelKey: 'nav.duplicates', icon: IconCopy },
  { to: '/imports', labelKey: 'nav.imports', icon: IconFileImport },
  {
    to: PIPELINE_SETTINGS_PATH,
    labelKey: 'nav.pipelineSettings',
    icon: IconAdjustmentsHorizontal,
    roles: [Role.Manager, Role.Admin],
  },
  {
    to: PORTAL_ASSIGNMENT_PATH,
    labelKey: 'nav.portalAssignment',
    icon: IconUserShare,
    roles: [Role.Manager, Role.Admin],
  },
  { to: '/admin/users', labelKey: 'nav.users', icon: IconUsers, roles: [Role.Admin] },
  { to: FAILED_EMAILS_PATH, labelKey: 'nav.failedEmails', icon: IconMailExclamation, roles: [Role.Admin] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}
