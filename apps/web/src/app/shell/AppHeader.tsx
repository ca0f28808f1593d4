import { Burger, Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch, UserMenu } from '../../features/auth';
import { GlobalSearch } from '../../features/search';
import { SystemHealthBadge } from '../../features/system-health';
import { Brand } from '../../shared/ui';

interface AppHeaderProps {
  navigationOpened: boolean;
  onToggleNavigation: () => void;
}

export function AppHeader({ navigationOpened, onToggleNavigation }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navigationOpened}
          onClick={onToggleNavigation}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('shell.toggleNavigation')}
          aria-expanded={navigationOpened}
          aria-controls="app-navigation"
        />
        <UnstyledButton component={Link} to="/" aria-label={t('app.name')} style={{ minWidth: 0 }}>
          <Brand />
        </UnstyledButton>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <GlobalSearch />
        <SystemHealthBadge />
        {/* On small screens the language is in the user menu, to leave room for the essentials. */}
        <LanguageSwitch visibleFrom="sm" />
        <UserMenu />
      </Group>
    </Group>
  );
}
