import { ExportFormat, type ImportEntity } from '@irm/contracts';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileTypeCsv, IconFileTypeXls, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { exportUrl } from '../api/imports.api';

interface ListTransferActionsProps {
  entity: ImportEntity;
  /** The list's current filters: the export takes exactly the rows the list shows. */
  filters: QueryParams;
}

/** "Import" and "Export" beside a list's own actions. */
export function ListTransferActions({ entity, filters }: ListTransferActionsProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <>
      <Button
        component={Link}
        to={`/imports/new?entity=${entity}`}
        variant="default"
        leftSection={<IconUpload size={18} aria-hidden />}
        data-testid={`import-${entity}`}
      >
        {t('imports.import')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
            rightSection={<IconChevronDown size={16} aria-hidden />}
            data-testid={`export-${entity}`}
          >
            {t('imports.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('imports.exportHint')}</Menu.Label>
          <Menu.Item
            component="a"
            href={exportUrl(entity, ExportFormat.Csv, filters, language)}
            download
            leftSection={<IconFileTypeCsv size={18} aria-hidden />}
            data-testid="export-csv"
          >
            {t('imports.exportCsv')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={exportUrl(entity, ExportFormat.Xlsx, filters, language)}
            download
            leftSection={<IconFileTypeXls size={18} aria-hidden />}
            data-testid="export-xlsx"
          >
            {t('imports.exportExcel')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
