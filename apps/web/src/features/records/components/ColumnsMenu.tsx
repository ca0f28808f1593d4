import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from './RecordListBody';

/** Which optional columns a person hid on one list, kept in this browser between visits. */
export function useHiddenColumns(list: string, hiddenByDefault: readonly string[] = []) {
  const [hidden, setHidden] = useLocalStorage<string[]>({
    key: `irm.columns.${list}`,
    defaultValue: [...hiddenByDefault],
    getInitialValueInEffect: false,
  });
  const toggle = (key: string) =>
    setHidden((current) => (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]));
  return { hidden: new Set(hidden), toggle };
}

export function ColumnsMenu<T>({
  columns,
  hidden,
  onToggle,
}: {
  columns: readonly ListColumn<T, string>[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconColumns3 size={16} aria-hidden />}
          data-testid="columns-menu"
        >
          {t('lists.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('lists.columnsShown')}</Menu.Label>
        <Stack gap="xs" p="xs">
          {columns.map((column) => (
            <Checkbox
              key={column.key}
              label={column.label}
              checked={column.required || !hidden.has(column.key)}
              disabled={column.required}
              onChange={() => onToggle(column.key)}
            />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
