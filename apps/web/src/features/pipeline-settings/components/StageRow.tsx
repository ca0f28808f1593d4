import type { DragEvent } from 'react';
import type { LocalizedText, Stage, StageUsage } from '@irm/contracts';
import { ActionIcon, Badge, Box, Code, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconChevronDown,
  IconChevronUp,
  IconClockHour4,
  IconDots,
  IconGripVertical,
  IconPencil,
  IconTrash,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { RuleStageBadge, StageTypeBadge } from './badges';
import classes from './StageRow.module.css';

export interface StageRowProps {
  stage: Stage;
  /** What investors read for it on their tracking page. */
  publicLabel: LocalizedText;
  /** 0-based place in the list, and the list's length, for the move buttons. */
  index: number;
  count: number;
  usage: StageUsage | undefined;
  ruleStage: boolean;
  /** Another change of the pipeline is on its way: moves wait for it. */
  busy: boolean;
  dragging: boolean;
  dropTarget: boolean;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onRetire: () => void;
  onRestore: () => void;
  onDelete: () => void;
  onDragStart: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  onDragEnd: () => void;
}

/** The column names above the rows, on screens wide enough for columns. */
export function StageListHeader() {
  const { t } = useTranslation();
  return (
    <Box className={`${classes.row} ${classes.header}`} aria-hidden visibleFrom="md">
      <span />
      <span />
      <Text size="xs" fw={600} c="dimmed">
        {t('pipelineSettings.columns.stage')}
      </Text>
      <Text size="xs" fw={600} c="dimmed">
        {t('pipelineSettings.columns.type')}
      </Text>
      <Text size="xs" fw={600} c="dimmed">
        {t('pipelineSettings.columns.sla')}
      </Text>
      <Text size="xs" fw={600} c="dimmed">
        {t('pipelineSettings.columns.items')}
      </Text>
      <span />
    </Box>
  );
}

/** One stage: order, names in both languages, type, SLA and what is in it, with the manager's actions. */
export function StageRow(props: StageRowProps) {
  const { stage, index, count, usage, ruleStage, busy, dragging, dropTarget } = props;
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const other = language === 'vi' ? 'en' : 'vi';
  const name = stage.name[language];
  const retired = stage.retiredAt !== null;

  return (
    <Box
      component="li"
      className={classes.row}
      data-retired={retired || undefined}
      data-dragging={dragging || undefined}
      data-drop-target={dropTarget || undefined}
      data-testid="stage-row"
      data-stage-key={stage.key}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      <Tooltip label={t('pipelineSettings.dragHandle', { name })} openDelay={400} withArrow>
        <div
          className={classes.handle}
          draggable={!busy}
          onDragStart={props.onDragStart}
          onDragEnd={props.onDragEnd}
          aria-hidden
          data-testid="stage-drag-handle"
        >
          <IconGripVertical size={18} />
        </div>
      </Tooltip>
      <Text className={classes.position} size="sm" fw={600} c="dimmed" aria-hidden>
        {index + 1}
      </Text>
      <Stack gap={2} className={classes.names}>
        <Group gap={8} wrap="wrap">
          <Text fw={600} size="sm" td={retired ? 'line-through' : undefined} data-testid="stage-name">
            {name}
          </Text>
          {ruleStage && <RuleStageBadge stageKey={stage.key} />}
          {stage.retiredAt && (
            <Tooltip label={t('pipelineSettings.retiredOn', { date: format.date(stage.retiredAt) })} withArrow>
              <Badge color="gray" variant="filled" radius="sm" tt="none" tabIndex={0} data-testid="retired-badge">
                {t('pipelineSettings.retired')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Text size="xs" c="dimmed" lang={other} data-testid="stage-other-name">
          {stage.name[other]} · <Code fz="xs">{stage.key}</Code>
        </Text>
        <Group gap={4} wrap="nowrap" data-testid="stage-public-label">
          <IconWorld size={12} aria-hidden color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
          <Text size="xs" c="dimmed">
            {t('portalStaff.publicLabels.shown', { label: props.publicLabel[language] })}
          </Text>
        </Group>
      </Stack>
      <div className={classes.meta}>
        <div className={classes.type}>
          <StageTypeBadge type={stage.type} />
        </div>
        <Group gap={6} className={classes.sla} wrap="nowrap" data-testid="stage-sla">
          <IconClockHour4 size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="sm" c={stage.slaWorkingDays === null ? 'dimmed' : undefined}>
            {stage.slaWorkingDays === null
              ? t('pipelineSettings.noSla')
              : t('pipelineSettings.slaDays', { count: stage.slaWorkingDays })}
          </Text>
        </Group>
        <div className={classes.items} data-testid="stage-items">
          {usage && usage.items > 0 ? (
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{t('pipelineSettings.items', { count: usage.items })}</Text>
              {usage.overdueItems > 0 && (
                <Badge color="red" variant="light" radius="sm" tt="none" size="sm" maw="none">
                  {t('pipelineSettings.overdue', { count: usage.overdueItems })}
                </Badge>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('pipelineSettings.noItems')}
            </Text>
          )}
        </div>
      </div>
      <Group gap={2} wrap="nowrap" className={classes.actions}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={() => props.onMove(-1)}
          disabled={busy}
          className={index === 0 ? classes.hiddenMove : undefined}
          aria-label={t('pipelineSettings.moveUp', { name })}
        >
          <IconChevronUp size={18} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={() => props.onMove(1)}
          disabled={busy}
          className={index === count - 1 ? classes.hiddenMove : undefined}
          aria-label={t('pipelineSettings.moveDown', { name })}
        >
          <IconChevronDown size={18} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={props.onEdit}
          aria-label={t('pipelineSettings.edit', { name })}
          data-testid="edit-stage"
        >
          <IconPencil size={18} aria-hidden />
        </ActionIcon>
        <StageMenu {...props} name={name} />
      </Group>
    </Box>
  );
}

function StageMenu({ stage, usage, ruleStage, name, onRetire, onRestore, onDelete }: StageRowProps & { name: string }) {
  const { t } = useTranslation();
  const retired = stage.retiredAt !== null;
  // Unknown until the counts arrive: the server decides then.
  const used = usage?.everUsed ?? false;
  const ruleHint = t('pipelineSettings.ruleStageHint', { key: stage.key });
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={260}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('pipelineSettings.actions', { name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {retired ? (
          <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onRestore}>
            {t('pipelineSettings.restore')}
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconArchive size={16} aria-hidden />}
            onClick={onRetire}
            disabled={ruleStage}
            title={ruleStage ? ruleHint : undefined}
          >
            {t('pipelineSettings.retire')}
          </Menu.Item>
        )}
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={onDelete}
          disabled={ruleStage || used}
          title={ruleStage ? ruleHint : used ? t('pipelineSettings.deleteUsedHint') : undefined}
        >
          {t('pipelineSettings.delete')}
        </Menu.Item>
        {(ruleStage || used) && (
          <Text size="xs" c="dimmed" px="sm" py={6} maw={260}>
            {ruleStage ? ruleHint : t('pipelineSettings.deleteUsedHint')}
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
