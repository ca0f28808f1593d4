import type { ReactNode } from 'react';
import { Card, Center, List, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockHour4, IconMapPin, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/auth';
import { Brand } from '../shared/ui';
import classes from './LoginPage.module.css';

/** The frame of the signed-out pages (sign in, forgotten password, invitation, reset): brand panel and one card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <div className={classes.page}>
      <BrandPanel />
      <div className={classes.formPanel}>
        <header className={classes.topBar}>
          <div className={classes.topBrand}>
            <Brand responsive={false} />
          </div>
          <LanguageSwitch />
        </header>
        <main className={classes.formArea} id="main-content">
          <Card withBorder radius="lg" shadow="sm" padding={0} className={classes.card}>
            <Stack gap="lg" className={classes.cardBody}>
              {children}
            </Stack>
          </Card>
        </main>
      </div>
    </div>
  );
}

/** The frame while a link from an email is being checked. */
export function CheckingLink({ label }: { label: string }) {
  return (
    <AuthFrame>
      <Center py="xl">
        <Stack align="center" gap="sm" role="status" aria-live="polite">
          <Loader size="md" aria-hidden />
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        </Stack>
      </Center>
    </AuthFrame>
  );
}

function BrandPanel() {
  const { t } = useTranslation();
  const points = [
    { icon: IconUsersGroup, text: t('auth.login.brandProspects') },
    { icon: IconMapPin, text: t('auth.login.brandLandBank') },
    { icon: IconClockHour4, text: t('auth.login.brandSla') },
  ];
  return (
    <aside className={classes.brandPanel} aria-label={t('app.name')}>
      <Brand inverted responsive={false} />
      <Stack gap="xl" maw={440}>
        <Title order={2} fz={30} lh={1.25} c="white" style={{ textWrap: 'balance' }}>
          {t('auth.login.brandHeadline')}
        </Title>
        <List spacing="lg" center>
          {points.map(({ icon: Icon, text }) => (
            <List.Item
              key={text}
              c="irm.0"
              lh={1.45}
              icon={
                <ThemeIcon size={36} radius="md" variant="white" aria-hidden>
                  <Icon size={20} stroke={1.7} />
                </ThemeIcon>
              }
            >
              {text}
            </List.Item>
          ))}
        </List>
      </Stack>
      {/* Balances the brand at the top so the message sits in the middle. */}
      <div aria-hidden />
    </aside>
  );
}
