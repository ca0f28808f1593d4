import { Role } from '@irm/contracts';
import type { ComponentType } from 'react';
import type { Icon } from '@tabler/icons-react';
import {
  IconAddressBook,
  IconAdjustmentsHorizontal,
  IconBuildingFactory2,
  IconBuildingSkyscraper,
  IconCalendarEvent,
  IconChecklist,
  IconCopy,
  IconFileImport,
  IconLayoutDashboard,
  IconUsers,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { PIPELINE_SETTINGS_PATH } from '../../features/pipeline-settings';
import { TASKS_PATH, TasksNavBadge } from '../../features/tasks';

export interface NavItem {
  to: string;
  labelKey: ParseKeys;
  icon: Icon;
  /** Roles that can use the page; everyone when absent. The server enforces the same rule. */
  roles?: readonly Role[];
  /** Shown at the end of the entry, e.g. a count that needs attention. */
  badge?: ComponentType;
}

/** Only capabilities that exist get an entry; each new feature adds its own. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.overview', icon: IconLayoutDashboard },
  { to: '/investors', labelKey: 'nav.investors', icon: IconBuildingSkyscraper },
  { to: '/contacts', labelKey: 'nav.contacts', icon: IconAddressBook },
  { to: '/zones', labelKey: 'nav.zones', icon: IconBuildingFactory2 },
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
  { to: '/admin/users', labelKey: 'nav.users', icon: IconUsers, roles: [Role.Admin] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}
