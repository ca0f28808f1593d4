import { StageType } from '@irm/contracts';
import { Badge, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const TYPE_COLORS: Record<StageType, string> = {
  [StageType.Open]: 'irm',
  [StageType.Won]: 'teal',
  [StageType.Lost]: 'red',
};

export function StageTypeBadge({ type }: { type: StageType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={TYPE_COLORS[type]} radius="sm" tt="none" maw="none" data-testid="stage-type">
      {t(`pipelineSettings.types.${type}`)}
    </Badge>
  );
}

/** The rules find this stage by its key, so some changes are closed to it; the tooltip says which. */
export function RuleStageBadge({ stageKey }: { stageKey: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('pipelineSettings.ruleStageHint', { key: stageKey })} multiline w={320} withArrow>
      <Badge
        variant="outline"
        color="gray"
        radius="sm"
        tt="none"
        maw="none"
        leftSection={<IconLock size={12} aria-hidden />}
        tabIndex={0}
        data-testid="rule-stage-badge"
      >
        {t('pipelineSettings.ruleStage')}
      </Badge>
    </Tooltip>
  );
}
