import { useState, type FormEvent, type ReactNode } from 'react';
import type { Me } from '@irm/contracts';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';
import { FormError, RoleBadge, notify } from '../../../shared/ui';
import { useCurrentUser } from '../hooks/use-me';
import { useUpdateProfile } from '../hooks/use-profile';
import { ChangePasswordModal } from './ChangePasswordModal';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationSettingsCard } from './NotificationSettingsCard';

export function ProfileSettings() {
  const me = useCurrentUser();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
      <Stack gap="lg">
        {/* Keyed by the saved name, so a change saved elsewhere resets the field. */}
        <ProfileDetailsCard key={me.name} me={me} />
        <NotificationSettingsCard />
      </Stack>
      <Stack gap="lg">
        <LanguageCard />
        <SecurityCard />
      </Stack>
    </SimpleGrid>
  );
}

function SettingsCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function ProfileDetailsCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [name, setName] = useState(me.name);
  const [nameError, setNameError] = useState<string>();
  const unchanged = name.trim() === me.name;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('profile.nameRequired'));
      return;
    }
    update.mutate(
      { name: trimmed },
      {
        onSuccess: () => notify({ tone: 'success', message: t('profile.saved') }),
        onError: (error) => setNameError(isApiError(error) ? error.fieldError('name') : undefined),
      },
    );
  };

  return (
    <SettingsCard title={t('profile.detailsTitle')} id="profile-details">
      <form onSubmit={submit} noValidate data-testid="profile-form">
        <Stack gap="md">
          <FormError error={update.error} title={t('profile.saveFailed')} shownFields={['name']} />
          <TextInput
            label={t('common.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameError(undefined);
            }}
            error={nameError}
          />
          <TextInput
            label={t('common.email')}
            value={me.email}
            readOnly
            variant="filled"
            description={t('profile.emailHint')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('common.role')}
            </Text>
            <Group>
              <RoleBadge role={me.role} />
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={unchanged}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}

function LanguageCard() {
  const { t } = useTranslation();
  return (
    <SettingsCard title={t('profile.languageTitle')} id="profile-language">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('profile.languageHint')}
        </Text>
        <LanguageSwitch long size="sm" fullWidth />
      </Stack>
    </SettingsCard>
  );
}

function SecurityCard() {
  const { t } = useTranslation();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  return (
    <SettingsCard title={t('profile.securityTitle')} id="profile-security">
      <Stack gap="lg">
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('profile.passwordHint')}
          </Text>
          <Button variant="default" leftSection={<IconKey size={18} aria-hidden />} onClick={passwordModal.open}>
            {t('password.title')}
          </Button>
        </Stack>
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('profile.tokensHint')}
          </Text>
          <Button
            variant="default"
            component={Link}
            to="/settings/tokens"
            leftSection={<IconPlugConnected size={18} aria-hidden />}
          >
            {t('profile.manageTokens')}
          </Button>
        </Stack>
      </Stack>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </SettingsCard>
  );
}
