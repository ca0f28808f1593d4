import type { OrganizationKind } from '@irm/contracts';
import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { sectorLabel } from './reference-data';

const KIND_COLORS: Record<OrganizationKind, string> = {
  domestic: 'teal',
  foreign_invested: 'indigo',
  joint_venture: 'orange',
};

export function KindBadge({ kind, short }: { kind: OrganizationKind; short?: boolean }) {
  const { t } = useTranslation();
  const label = t(`investors.kind.${kind}`);
  const badge = (
    <Badge variant="light" color={KIND_COLORS[kind]} radius="sm" tt="none" fw={600} style={{ flexShrink: 0 }}>
      {short ? t(`investors.kindShort.${kind}`) : label}
    </Badge>
  );
  return short ? (
    <Tooltip label={label} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** Sector codes as small badges, each naming its sector on hover; long lists end in "+n". */
export function SectorBadges({ sectors, max = 3 }: { sectors: readonly string[]; max?: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  if (sectors.length === 0) return null;
  const shown = sectors.slice(0, max);
  const hidden = sectors.slice(max);
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((code) => (
        <Tooltip key={code} label={sectorLabel(code, language)} withArrow multiline maw={280}>
          <Badge
            variant="default"
            radius="sm"
            tt="none"
            fw={600}
            ff="monospace"
            aria-label={sectorLabel(code, language)}
          >
            {code}
          </Badge>
        </Tooltip>
      ))}
      {hidden.length > 0 && (
        <Tooltip label={hidden.map((code) => sectorLabel(code, language)).join('; ')} withArrow multiline maw={280}>
          <Badge variant="transparent" color="gray" radius="sm" tt="none" px={2}>
            {t('investors.moreSectors', { count: hidden.length })}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
