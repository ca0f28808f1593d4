import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/**
 * A record's name in a list, linking to its page. The list's address rides along in the link's state
 * (`FromListState` in each feature's paths), so the page's back link returns to the list as it was filtered.
 */
export function ListRecordLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  const { search } = useLocation();
  return (
    <Anchor component={Link} to={to} state={{ listSearch: search }} fw={600} size="sm" c="inherit" data-testid={testId}>
      {children}
    </Anchor>
  );
}
