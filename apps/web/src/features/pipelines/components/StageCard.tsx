import type { ReactNode } from 'react';
import { StageType, type Pipeline, type Stage } from '@irm/contracts';
import { Alert, Button, Card, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconCircleX, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { localized } from '../move-check';
import type { PipelineItem } from '../types';
import { OverdueBadge } from './badges';
import { MoveToMenu } from './MoveToMenu';

/**
 * The main path through a pipeline: its open stages up to the first closing one, then the won stages. Stages kept
 * to one side (e.g. "On hold", after the closing ones) show only while the item is in one.
 */
function mainPath(pipeline: Pipeline, current: Stage | undefined): Stage[] {
  const live = pipeline.stages.filter((stage) => !stage.retiredAt || stage.id === current?.id);
  const firstClosing = Math.min(
    ...live.filter((stage) => stage.type !== StageType.Open).map((stage) => stage.position),
    Number.POSITIVE_INFINITY,
  );
  const path = live.filter(
    (stage) =>
      (stage.type === StageType.Open && stage.position < firstClosing) ||
      stage.type === StageType.Won ||
      (stage.id === current?.id && stage.type === StageType.Open),
  );
  return path.sort((a, b) => (a.type === b.type ? a.position - b.position : a.type === StageType.Won ? 1 : -1));
}

interface StageCardProps {
  pipeline: Pipeline;
  item: PipelineItem;
  canMove: boolean;
  onMove: (to: Stage) => void;
}

/** Where the item stands: the path with its current step, how long it has been there, and "Move to…". */
export function StageCard({ pipeline, item, canMove, onMove }: StageCardProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const current = pipeline.stages.find((stage) => stage.id === item.stageId);
  const path = mainPath(pipeline, current);
  const active = path.findIndex((stage) => stage.id === item.stageId);
  const lost = current?.type === StageType.Lost;
  const won = current?.type === StageType.Won;

  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-labelledby="stage-title"
      data-testid="stage-card"
    >
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="lg" id="stage-title">
          {t('pipelines.stage.title')}
        </Title>
        {canMove && !won && (
          <MoveToMenu pipeline={pipeline} item={item} onMove={onMove}>
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconArrowsExchange size={16} aria-hidden />}
              data-testid="move-item"
            >
              {t('pipelines.move.button')}
            </Button>
          </MoveToMenu>
        )}
      </Group>
      <Stack gap="md">
        {lost && (
          <Alert color="gray" variant="light" icon={<IconCircleX aria-hidden />} data-testid="lost-notice">
            <Text size="sm" fw={600}>
              {t('pipelines.stage.closedAs', { stage: current ? localized(current.name, language) : '' })}
            </Text>
            {item.lostReason && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {item.lostReason}
              </Text>
            )}
          </Alert>
        )}
        {won && (
          <Alert color="teal" variant="light" icon={<IconTrophy aria-hidden />} data-testid="won-notice">
            <Text size="sm" fw={600}>
              {t('pipelines.stage.wonAs', { stage: current ? localized(current.name, language) : '' })}
            </Text>
            {item.closedAt && (
              <Text size="sm" c="dimmed">
                {format.date(item.closedAt)}
              </Text>
            )}
          </Alert>
        )}
        {!lost && !won && (
          <Group gap="lg" wrap="wrap">
            <Fact label={t('pipelines.stage.since')} value={format.date(item.stageEnteredAt)} />
            <Fact
              label={t('pipelines.stage.days')}
              value={t('pipelines.workingDays', { count: item.daysInStage })}
              danger={item.overdue}
            />
            <Fact
              label={t('pipelines.stage.due')}
              value={item.slaDueOn ? format.date(item.slaDueOn) : t('pipelines.noSla')}
              danger={item.overdue}
              extra={item.overdue ? <OverdueBadge slaDueOn={null} size="xs" /> : undefined}
            />
          </Group>
        )}
        <Stepper
          active={lost ? -1 : won ? path.length : active}
          orientation="vertical"
          size="sm"
          iconSize={28}
          allowNextStepsSelect={false}
          data-testid="stage-stepper"
        >
          {path.map((stage) => (
            <Stepper.Step
              key={stage.id}
              label={localized(stage.name, language)}
              description={
                stage.type === StageType.Won
                  ? t('pipelines.stageType.won')
                  : stage.slaWorkingDays === null
                    ? t('pipelines.noSla')
                    : t('pipelines.sla', { count: stage.slaWorkingDays })
              }
              color={stage.id === item.stageId && item.overdue ? 'red' : undefined}
              data-current={stage.id === item.stageId || undefined}
            />
          ))}
        </Stepper>
      </Stack>
    </Card>
  );
}

function Fact({ label, value, danger, extra }: { label: string; value: string; danger?: boolean; extra?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} c={danger ? 'red.7' : undefined}>
          {value}
        </Text>
        {extra}
      </Group>
    </Stack>
  );
}
