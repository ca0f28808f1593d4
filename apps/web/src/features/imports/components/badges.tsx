import { ImportRowAction, ImportStatus } from '@irm/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<ImportStatus, string> = {
  [ImportStatus.Queued]: 'gray',
  [ImportStatus.Running]: 'blue',
  [ImportStatus.Completed]: 'teal',
  [ImportStatus.Failed]: 'red',
  [ImportStatus.Cancelled]: 'orange',
};

const ACTION_COLORS: Record<ImportRowAction, string> = {
  [ImportRowAction.Create]: 'teal',
  [ImportRowAction.Update]: 'blue',
  [ImportRowAction.Unchanged]: 'gray',
  [ImportRowAction.Error]: 'red',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" tt="none" fw={600} data-testid="import-status">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}

export function RowActionBadge({ action }: { action: ImportRowAction }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ACTION_COLORS[action]} radius="sm" tt="none" fw={600}>
      {t(`imports.action.${action}`)}
    </Badge>
  );
}
