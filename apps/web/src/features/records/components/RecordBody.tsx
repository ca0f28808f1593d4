import type { ReactNode } from 'react';
import { Alert, Button, Grid, Group, Stack } from '@mantine/core';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A record page below its header: the record's panels, and its change history beside them for those who see it. */
export function RecordBody({ children, history }: { children: ReactNode; history?: ReactNode }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: history ? 7 : 12, lg: history ? 8 : 12 }}>
        <Stack gap="lg">{children}</Stack>
      </Grid.Col>
      {history && <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>{history}</Grid.Col>}
    </Grid>
  );
}

interface RecordActionsProps {
  /** Test id prefix: `delete-<name>`, `edit-<name>`. */
  name: string;
  /** Records that are closed rather than deleted (pipeline items) have no delete button. */
  deleteLabel?: string;
  onDelete?: () => void;
  onEdit: () => void;
}

/** Delete and edit, for people who may change the record. */
export function RecordActions({ name, deleteLabel, onDelete, onEdit }: RecordActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      {onDelete && (
        <Button
          variant="default"
          leftSection={<IconTrash size={16} aria-hidden />}
          color="red"
          onClick={onDelete}
          data-testid={`delete-${name}`}
        >
          {deleteLabel}
        </Button>
      )}
      <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit} data-testid={`edit-${name}`}>
        {t('common.edit')}
      </Button>
    </Group>
  );
}

/** Says why there is nothing to change here, and who can. */
export function ReadOnlyNotice({ children }: { children: ReactNode }) {
  return (
    <Alert variant="light" color="gray" icon={<IconLock aria-hidden />} data-testid="read-only-notice">
      {children}
    </Alert>
  );
}
