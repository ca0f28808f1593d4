import { ExportFormat, IMPORT_COLUMNS, type ImportEntity } from '@irm/contracts';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { templateUrl } from '../api/imports.api';

/** The columns an import reads, their accepted values, and the templates to start from. */
export function ColumnGuide({ entity }: { entity: ImportEntity }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Button
          component="a"
          href={templateUrl(entity, ExportFormat.Xlsx, language)}
          download
          variant="light"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden />}
          data-testid="template-xlsx"
        >
          {t('imports.templateExcel')}
        </Button>
        <Button
          component="a"
          href={templateUrl(entity, ExportFormat.Csv, language)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('imports.templateCsv')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('imports.columnsHint')}
      </Text>
      <Table verticalSpacing={6} fz="sm" layout="fixed" data-testid="column-guide">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{t('imports.columnHeader')}</Table.Th>
            <Table.Th>{t('imports.columnHow')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {IMPORT_COLUMNS[entity].map((column) => (
            <Table.Tr key={column.key}>
              <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                <Text size="sm" fw={600} span>
                  {column[language]}
                </Text>{' '}
                {column.required && (
                  <Badge size="xs" color="red" variant="light" tt="none">
                    {t('imports.required')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {column[language === 'vi' ? 'en' : 'vi']}
                </Text>
              </Table.Td>
              <Table.Td>{column.hint[language]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
