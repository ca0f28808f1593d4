import { Burger, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SystemHealthBadge } from '../../features/system-health';
import { LanguageSwitch } from './LanguageSwitch';

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
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={36} radius="md" variant="filled" aria-hidden>
              <IconBuildingBank size={22} stroke={1.7} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={700} size="md" lh={1.2} truncate="end" visibleFrom="sm" data-testid="app-name">
                {t('app.name')}
              </Text>
              <Text fw={700} size="md" lh={1.2} hiddenFrom="sm">
                {t('app.shortName')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate="end" visibleFrom="sm">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SystemHealthBadge />
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
