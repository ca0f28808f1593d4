import { LANGUAGES } from '@irm/contracts';
import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconKey,
  IconLanguage,
  IconLogout,
  IconPlugConnected,
  IconUserCircle,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLanguage } from '../../../shared/i18n';
import { useLanguagePreference } from '../hooks/use-language-preference';
import { useCurrentUser } from '../hooks/use-me';
import { useLogout } from '../hooks/use-session';
import { ChangePasswordModal } from './ChangePasswordModal';

const ICON_SIZE = 18;

/** The signed-in person's corner: who they are, their settings, and the way out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const signOut = useLogout();
  const [language, setLanguage] = useLanguagePreference();
  const [passwordOpened, passwordModal] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={264} shadow="md" radius="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t('userMenu.label', { name: me.name })}
            data-testid="user-menu"
            p={4}
            style={{ borderRadius: 'var(--mantine-radius-xl)' }}
          >
            <Group gap="xs" wrap="nowrap">
              <Avatar name={me.name} color="initials" radius="xl" size={36} aria-hidden />
              <Box visibleFrom="md" maw={180} miw={0}>
                <Text size="sm" fw={600} lh={1.25} truncate="end" data-testid="user-menu-name">
                  {me.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.25} truncate="end">
                  {t(`roles.${me.role}`)}
                </Text>
              </Box>
              <Box visibleFrom="md" display="flex" c="dimmed">
                <IconChevronDown size={16} aria-hidden />
              </Box>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Box px="sm" pt="xs" pb={8}>
            <Text size="sm" fw={600} truncate="end">
              {me.name}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {me.email}
            </Text>
          </Box>
          <Menu.Divider />
          <Menu.Item
            component={Link}
            to="/settings/profile"
            leftSection={<IconUserCircle size={ICON_SIZE} aria-hidden />}
          >
            {t('userMenu.profile')}
          </Menu.Item>
          <Menu.Item onClick={passwordModal.open} leftSection={<IconKey size={ICON_SIZE} aria-hidden />}>
            {t('userMenu.changePassword')}
          </Menu.Item>
          <Menu.Item
            component={Link}
            to="/settings/tokens"
            leftSection={<IconPlugConnected size={ICON_SIZE} aria-hidden />}
          >
            {t('userMenu.apiTokens')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={6} component="span">
              <IconLanguage size={14} aria-hidden />
              {t('userMenu.language')}
            </Group>
          </Menu.Label>
          <Menu.RadioGroup value={language} onChange={(value) => isLanguage(value) && setLanguage(value)}>
            {LANGUAGES.map((code) => (
              <Menu.RadioItem key={code} value={code} lang={code}>
                {t(`language.${code}`)}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={ICON_SIZE} aria-hidden />}
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
            data-testid="sign-out"
          >
            {t('auth.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
