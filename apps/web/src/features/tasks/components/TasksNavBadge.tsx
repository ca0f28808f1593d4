import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTaskSummary } from '../hooks/use-tasks';

/** The number of the signed-in person's overdue tasks, beside "Tasks" in the navigation; nothing when none. */
export function TasksNavBadge() {
  const { t } = useTranslation();
  const summary = useTaskSummary();
  const overdue = summary.data?.overdue ?? 0;
  if (overdue === 0) return null;
  return (
    <>
      <Badge size="sm" color="red" variant="filled" circle={overdue < 10} aria-hidden data-testid="tasks-overdue-badge">
        {overdue > 99 ? '99+' : overdue}
      </Badge>
      <VisuallyHidden>{t('tasks.overdueBadge', { count: overdue })}</VisuallyHidden>
    </>
  );
}
