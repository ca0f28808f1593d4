import { Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockHour4, IconMapPin, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch, LoginForm, RETURN_TO_PARAM, safeReturnTo, useMe } from '../features/auth';
import { Brand, usePageTitle } from '../shared/ui';
import classes from './LoginPage.module.css';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.pageTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get(RETURN_TO_PARAM));
  const me = useMe();

  // Someone already signed in (another tab, the back button) has nothing to do here.
  if (me.data) return <Navigate to={returnTo} replace />;

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
              <div>
                <Title order={1} fz={26}>
                  {t('auth.login.title')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('auth.login.subtitle')}
                </Text>
              </div>
              <LoginForm onSignedIn={() => void navigate(returnTo, { replace: true })} />
              <Text size="sm" c="dimmed">
                {t('auth.login.help')}
              </Text>
            </Stack>
          </Card>
        </main>
      </div>
    </div>
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
