import type { LoanPortfolioReport } from '@irm/contracts';
import { StageType } from '@irm/contracts';
import { Badge, Box, Group, SimpleGrid, Stack, Text, Tooltip, getThemeColor, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { fitText, share } from './chart-scale';
import { ChartLegend } from './ReportCard';
import { useReportFormatters } from './report-format';

const BAR = 8;
const ROW = 3 * BAR + 4 + 22;
const SERIES = [
  { key: 'requestedVnd', color: 'gray.4' },
  { key: 'approvedVnd', color: 'irm.6' },
  { key: 'disbursedVnd', color: 'teal.6' },
] as const;

/** Preferential loans: what was asked, granted and paid out, per lender, with where the applications stand. */
export function LoanPortfolio({ report }: { report: LoanPortfolioReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useReportFormatters();
  const [language] = useLanguage();
  const { totals } = report;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={3} spacing="sm">
        {SERIES.map(({ key, color }) => (
          <Stack key={key} gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
              {t(`reports.loans.${key}`)}
            </Text>
            <Tooltip label={money.vndExact(totals[key])} withArrow>
              <Text
                fz={19}
                fw={700}
                c={color === 'gray.4' ? 'dark.6' : color}
                data-testid={`loan-total-${key}`}
                style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
              >
                {money.vnd(totals[key])}
              </Text>
            </Tooltip>
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('reports.loans.summary', {
          count: totals.applications,
          applications: format.integer(totals.applications),
          rate: format.percent(totals.approvedVnd > 0 ? totals.disbursedVnd / totals.approvedVnd : 0),
        })}
      </Text>
      <LenderBars report={report} />
      <Group gap="xs" wrap="wrap">
        {report.applicantTypes.map((row) => (
          <Badge key={row.applicantType} variant="light" color="gray" radius="sm" tt="none" size="lg">
            {t('reports.loans.applicantLine', {
              type: t(`reports.loans.applicant.${row.applicantType}`),
              count: row.applications,
              applications: format.integer(row.applications),
              requested: money.vnd(row.requestedVnd),
            })}
          </Badge>
        ))}
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('reports.loans.byStage')}
        </Text>
        <Group gap={6} wrap="wrap" data-testid="loan-stages">
          {report.stages
            .filter((stage) => stage.applications > 0 || stage.type === StageType.Open)
            .map((stage) => (
              <Badge
                key={stage.stageId}
                variant={stage.applications > 0 ? 'light' : 'outline'}
                color={stage.type === StageType.Won ? 'teal' : stage.type === StageType.Lost ? 'red' : 'irm'}
                radius="sm"
                tt="none"
                data-key={stage.key}
              >
                {stage.name[language]}: {format.integer(stage.applications)}
              </Badge>
            ))}
        </Group>
      </Stack>
    </Stack>
  );
}

function LenderBars({ report }: { report: LoanPortfolioReport }) {
  const { t } = useTranslation();
  const money = useReportFormatters();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const lenders = report.lenders;
  const top = Math.max(...lenders.map((l) => Math.max(l.requestedVnd, l.approvedVnd)), 1);
  const valueWidth = 96;
  const plot = Math.max(width - valueWidth, 40);
  const height = lenders.length * ROW;
  return (
    <Stack gap="xs">
      <Box ref={ref} w="100%" h={height}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            data-testid="loan-lender-chart"
            aria-label={t('reports.loans.chartLabel', { count: lenders.length })}
          >
            {lenders.map((lender, index) => (
              <g
                key={`${lender.lender}-${lender.lenderKind}`}
                transform={`translate(0, ${index * ROW})`}
                data-testid="loan-lender"
                data-lender={lender.lender}
              >
                <title>
                  {t('reports.loans.tooltip', {
                    lender: lender.lender,
                    requested: money.vndExact(lender.requestedVnd),
                    approved: money.vndExact(lender.approvedVnd),
                    disbursed: money.vndExact(lender.disbursedVnd),
                  })}
                </title>
                <text x={0} y={12} fontSize={12.5} fontWeight={500} fill={theme.colors.dark[6]}>
                  {fitText(lender.lender, width * 0.7, 12.5)}
                  <tspan fill={theme.colors.gray[6]} fontWeight={400}>
                    {` · ${t(`reports.loans.lenderKind.${lender.lenderKind}`)}`}
                  </tspan>
                </text>
                {SERIES.map(({ key, color }, n) => (
                  <rect
                    key={key}
                    x={0}
                    y={18 + n * (BAR + 2)}
                    width={Math.max(share(lender[key], top) * plot, lender[key] > 0 ? 2 : 0)}
                    height={BAR}
                    rx={2}
                    fill={getThemeColor(color, theme)}
                  />
                ))}
                <text
                  x={width}
                  y={18 + BAR + 6}
                  textAnchor="end"
                  dominantBaseline="central"
                  fontSize={12}
                  fontWeight={600}
                  fill={getThemeColor('irm.7', theme)}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {money.vnd(lender.approvedVnd)}
                </text>
              </g>
            ))}
          </svg>
        )}
      </Box>
      <ChartLegend entries={SERIES.map(({ key, color }) => ({ label: t(`reports.loans.${key}`), color }))} />
    </Stack>
  );
}
