import { useEffect, useRef } from 'react';
import { AppShell, Box, Container, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useMatches } from 'react-router';
import { AppHeader } from './AppHeader';
import { AppNavigation } from './AppNavigation';
import classes from './AppLayout.module.css';

const MAIN_ID = 'main-content';

export function AppLayout() {
  const { t } = useTranslation();
  const [navigationOpened, { toggle, close }] = useDisclosure(false);
  const mainRef = useFocusMainOnNavigation();
  // Pages that spread sideways (pipeline boards) say so in their route's handle and get the full width.
  const wide = useMatches().some((match) => (match.handle as { wide?: boolean } | undefined)?.wide);

  return (
    <>
      <a href={`#${MAIN_ID}`} className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navigationOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <AppHeader navigationOpened={navigationOpened} onToggleNavigation={toggle} />
        </AppShell.Header>
        <AppShell.Navbar id="app-navigation" component="nav" aria-label={t('shell.mainNavigation')}>
          {/* Padding inside the scroll area so focus rings are not clipped by it. */}
          <AppShell.Section grow component={ScrollArea}>
            <Box p="sm">
              <AppNavigation onNavigate={close} />
            </Box>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} ref={mainRef} tabIndex={-1} className={classes.main}>
          <Container size="xl" fluid={wide} p={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/** After client-side navigation, move focus to the new content so keyboard and screen-reader users land there. */
function useFocusMainOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current !== pathname) mainRef.current?.focus({ preventScroll: true });
    previous.current = pathname;
  }, [pathname]);
  return mainRef;
}
