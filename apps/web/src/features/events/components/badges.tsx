import { PromotionEventKind, StageType, type LocalizedText } from '@irm/contracts';
import { Badge, Group } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';

/** Short labels are shown whole: the badge takes the room it needs instead of ending in “…”. */
const NEVER_CUT = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

const KIND_COLORS: Record<PromotionEventKind, string> = {
  [PromotionEventKind.Conference]: 'irm',
  [PromotionEventKind.Roadshow]: 'grape',
  [PromotionEventKind.TradeFair]: 'orange',
  [PromotionEventKind.SiteVisitTour]: 'teal',
  [PromotionEventKind.Webinar]: 'cyan',
};

export function EventKindBadge({ kind }: { kind: PromotionEventKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={KIND_COLORS[kind]}
      radius="sm"
      tt="none"
      maw="none"
      style={{ flexShrink: 0 }}
      styles={NEVER_CUT}
    >
      {t(`events.kind.${kind}`)}
    </Badge>
  );
}

/** Stage colours the reports and boards use: open blue, won teal, lost grey. */
export const STAGE_COLORS: Record<StageType, string> = {
  [StageType.Open]: 'irm',
  [StageType.Won]: 'teal',
  [StageType.Lost]: 'gray',
};

export function StageBadge({ name, type, overdue }: { name: LocalizedText; type: StageType; overdue?: boolean }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        style={{ flexShrink: 0 }}
        styles={NEVER_CUT}
        variant={type === StageType.Open ? 'light' : 'filled'}
        color={STAGE_COLORS[type]}
        radius="sm"
        tt="none"
        maw="none"
      >
        {name[language]}
      </Badge>
      {overdue && (
        <Badge
          variant="light"
          color="red"
          radius="sm"
          tt="none"
          maw="none"
          leftSection={<IconClockExclamation size={12} aria-hidden />}
        >
          {t('events.overdue')}
        </Badge>
      )}
    </Group>
  );
}
