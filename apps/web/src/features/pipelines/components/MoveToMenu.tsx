import type { ReactNode } from 'react';
import { StageType, type Pipeline, type PipelineItemBase, type Stage } from '@irm/contracts';
import { Menu, Text } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { blockedMove, localized } from '../move-check';

interface MoveToMenuProps {
  pipeline: Pipeline;
  item: PipelineItemBase;
  onMove: (to: Stage) => void;
  /** The button that opens the menu. */
  children: ReactNode;
}

/** "Move to…": every stage the item may go to, for those who do not drag (keyboard, screen reader, touch). */
export function MoveToMenu({ pipeline, item, onMove, children }: MoveToMenuProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const stages = pipeline.stages.filter((stage) => !stage.retiredAt && stage.id !== item.stageId);
  const open = stages.filter((stage) => stage.type === StageType.Open);
  const closing = stages.filter((stage) => stage.type !== StageType.Open);

  const entry = (stage: Stage) => {
    // Refusals about the stage itself (already won, reached only by conversion) are shown, not offered.
    const blocked = blockedMove(pipeline, item, stage);
    const Icon =
      stage.type === StageType.Won ? IconCircleCheck : stage.type === StageType.Lost ? IconCircleX : IconArrowRight;
    return (
      <Menu.Item
        key={stage.id}
        disabled={!!blocked}
        color={stage.type === StageType.Lost ? 'red' : stage.type === StageType.Won ? 'teal' : undefined}
        leftSection={<Icon size={16} aria-hidden />}
        onClick={() => onMove(stage)}
        data-testid="move-to-stage"
        data-stage-key={stage.key}
      >
        {localized(stage.name, language)}
        {blocked && (
          <Text size="xs" c="dimmed">
            {t('pipelines.move.notOffered')}
          </Text>
        )}
      </Menu.Item>
    );
  };

  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={260}>
      <Menu.Target>{children}</Menu.Target>
      <Menu.Dropdown data-testid="move-menu">
        <Menu.Label>{t('pipelines.move.to')}</Menu.Label>
        {open.map(entry)}
        {closing.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('pipelines.move.close')}</Menu.Label>
            {closing.map(entry)}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
