import { ZoneStatus, ZoneType } from '@irm/contracts';
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<ZoneStatus, string> = {
  [ZoneStatus.Planned]: 'gray',
  [ZoneStatus.Established]: 'blue',
  [ZoneStatus.Operating]: 'teal',
};

export function ZoneTypeBadge({ type, short = false }: { type: ZoneType; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={type === ZoneType.IndustrialPark ? 'irm' : 'grape'} radius="sm" tt="none" maw="none">
      {short ? t(`landBank.abbreviation.${type}`) : t(`zones.type.${type}`)}
    </Badge>
  );
}

export function ZoneStatusBadge({ status }: { status: ZoneStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} radius="sm" tt="none" maw="none">
      {t(`zones.status.${status}`)}
    </Badge>
  );
}

/** Figures not taken from a published source say so wherever they are shown. */
export function IllustrativeBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('zones.illustrativeHint')} withArrow>
      <Badge
        variant="outline"
        color="orange"
        radius="sm"
        tt="none"
        size="sm"
        maw="none"
        tabIndex={0}
        data-testid="illustrative-badge"
      >
        {t('zones.illustrative')}
      </Badge>
    </Tooltip>
  );
}
