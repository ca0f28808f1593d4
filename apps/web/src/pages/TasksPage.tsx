import { useTranslation } from 'react-i18next';
import { TasksInbox } from '../features/tasks';
import { usePageTitle } from '../shared/ui';

export function TasksPage() {
  const { t } = useTranslation();
  usePageTitle(t('tasks.title'));
  return <TasksInbox />;
}
