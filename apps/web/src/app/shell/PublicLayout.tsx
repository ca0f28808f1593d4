import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../features/auth';
import { Brand } from '../../shared/ui';
import classes from './PublicLayout.module.css';

/** Pages anyone may see (not found): the product's header without the staff navigation. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <UnstyledButton component={Link} to="/" aria-label={t('app.name')} style={{ minWidth: 0 }}>
          <Brand />
        </UnstyledButton>
        <LanguageSwitch />
      </header>
      <main className={classes.main} id="main-content">
        <Outlet />
      </main>
    </div>
  );
}
