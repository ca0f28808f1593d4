import type { Icon } from '@tabler/icons-react';
import { IconLayoutDashboard } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';

export interface NavItem {
  to: string;
  labelKey: ParseKeys;
  icon: Icon;
}

/** Only capabilities that exist get an entry; each new feature adds its own. */
export const NAV_ITEMS: readonly NavItem[] = [{ to: '/', labelKey: 'nav.overview', icon: IconLayoutDashboard }];
