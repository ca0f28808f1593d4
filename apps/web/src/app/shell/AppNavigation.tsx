import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useMatch } from 'react-router';
import { useCurrentUser } from '../../features/auth';
import { navItemsFor, type NavItem } from './nav-items';

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { role } = useCurrentUser();
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
      {navItemsFor(role).map((item) => (
        <li key={item.to}>
          <NavItemLink item={item} onNavigate={onNavigate} />
        </li>
      ))}
    </Stack>
  );
}

function NavItemLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  return item.children ? (
    <NavGroup item={item} onNavigate={onNavigate} />
  ) : (
    <NavEntry item={item} onNavigate={onNavigate} />
  );
}

/** A heading that opens its entries; open from the start while one of them (or a page under it) is shown. */
function NavGroup({
  item: { to, labelKey, icon: Icon, children = [], groupPaths = [] },
  onNavigate,
}: {
  item: NavItem;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const inside = [to, ...groupPaths].some((path) => pathname === path || pathname.startsWith(`${path}/`));
  return (
    <MantineNavLink
      label={t(labelKey)}
      leftSection={<Icon size={20} stroke={1.7} aria-hidden />}
      defaultOpened={inside}
      childrenOffset={16}
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
    >
      <Stack component="ul" gap={2} m={0} p={0} mt={2} style={{ listStyle: 'none' }}>
        {children.map((child) => (
          <li key={child.to}>
            <NavEntry item={child} onNavigate={onNavigate} />
          </li>
        ))}
      </Stack>
    </MantineNavLink>
  );
}

function NavEntry({
  item: { to, labelKey, icon: Icon, badge: Badge },
  onNavigate,
}: {
  item: NavItem;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  return (
    <MantineNavLink
      component={NavLink}
      to={to}
      end={to === '/'}
      onClick={onNavigate}
      label={t(labelKey)}
      active={active}
      variant="light"
      leftSection={<Icon size={20} stroke={1.7} aria-hidden />}
      rightSection={Badge && <Badge />}
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
    />
  );
}
