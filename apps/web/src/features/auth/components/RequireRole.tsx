import type { ReactNode } from 'react';
import type { Role } from '@irm/contracts';
import { Button, Card, EmptyState } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../shared/ui';
import { useCurrentUser } from '../hooks/use-me';

/** Hides a page from roles that cannot use it; the server enforces the same rule on every request. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useCurrentUser();
  return roles.includes(me.role) ? children : <Forbidden roles={roles} />;
}

function Forbidden({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  const roleNames = roles.map((role) => t(`roles.${role}`).toLocaleLowerCase()).join(', ');
  return (
    <Card withBorder radius="lg" padding="xl" maw={640} mx="auto" mt="xl" data-testid="forbidden">
      <EmptyState
        size="lg"
        icon={<IconLock aria-hidden />}
        title={<h1 style={{ margin: 0, font: 'inherit' }}>{t('forbidden.title')}</h1>}
        description={t('forbidden.description', { roles: roleNames })}
      >
        <Button component={Link} to="/" leftSection={<IconArrowLeft size={18} aria-hidden />} mt="md">
          {t('forbidden.back')}
        </Button>
      </EmptyState>
    </Card>
  );
}
