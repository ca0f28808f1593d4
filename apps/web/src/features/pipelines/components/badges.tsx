import { StageType, type Language, type Stage } from '@irm/contracts';
import { Badge, Tooltip } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { localized } from '../move-check';

const STAGE_COLORS: Record<StageType, string> = {
  [StageType.Open]: 'irm',
  [StageType.Won]: 'teal',
  [StageType.Lost]: 'gray',
};

export const stageColor = (type: StageType) => STAGE_COLORS[type];

export function StageBadge({ stage, size = 'md' }: { stage: Stage; size?: 'sm' | 'md' | 'lg' }) {
  const [language] = useLanguage();
  return (
    <Badge
      variant="light"
      color={STAGE_COLORS[stage.type]}
      radius="sm"
      tt="none"
      fw={600}
      size={size}
      style={{ flexShrink: 0 }}
      data-testid="stage-badge"
    >
      {localized(stage.name, language as Language)}
    </Badge>
  );
}

/** Past its response-time commitment; the tooltip says since when. */
export function OverdueBadge({ slaDueOn, size = 'sm' }: { slaDueOn: string | null; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const badge = (
    <Badge
      color="red"
      variant="filled"
      radius="sm"
      size={size}
      tt="none"
      fw={600}
      leftSection={<IconAlarm size={12} aria-hidden />}
      style={{ flexShrink: 0 }}
      data-testid="overdue-badge"
    >
      {t('pipelines.overdue')}
    </Badge>
  );
  return slaDueOn ? (
    <Tooltip label={t('pipelines.slaDueWas', { date: format.date(slaDueOn) })} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
