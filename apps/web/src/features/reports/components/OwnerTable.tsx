import { useState } from 'react';
import type { FunnelReport } from '@irm/contracts';
import { Box, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';

const SHOWN = 8;

/** Who moved the items: per owner at the time of each move, items that entered and reached the won stage. */
export function OwnerTable({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [language] = useLanguage();
  const [all, setAll] = useState(false);
  const last = report.stages.length - 1;
  const owners = all ? report.owners : report.owners.slice(0, SHOWN);
  const top = Math.max(...report.owners.map((o) => o.reached[0] ?? 0), 1);

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={420} type="native">
        <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="owner-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.owners.owner')}</Table.Th>
              <Table.Th ta="right">{t('reports.owners.entered')}</Table.Th>
              <Table.Th ta="right">{report.stages[last]?.name[language]}</Table.Th>
              <Table.Th ta="right">{t('reports.owners.conversion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {owners.map((owner) => {
              const entered = owner.reached[0] ?? 0;
              const won = owner.reached[last] ?? 0;
              return (
                <Table.Tr key={owner.ownerId} data-testid="owner-row">
                  <Table.Td>
                    <Text size="sm" fw={500} lineClamp={1}>
                      {owner.ownerName}
                    </Text>
                    <Progress value={(entered / top) * 100} size={4} radius="xl" color="irm.4" mt={4} aria-hidden />
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {format.integer(entered)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Text span fw={600} c="teal.8" inherit>
                      {format.integer(won)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {entered > 0 ? format.percent(won / entered) : '—'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.owners.length > SHOWN && (
        <Group justify="center">
          <Button variant="subtle" size="xs" onClick={() => setAll((value) => !value)}>
            {all ? t('reports.showFewer') : t('reports.showAll', { count: report.owners.length })}
          </Button>
        </Group>
      )}
      <Box>
        <Text size="xs" c="dimmed">
          {t('reports.owners.note')}
        </Text>
      </Box>
    </Stack>
  );
}
