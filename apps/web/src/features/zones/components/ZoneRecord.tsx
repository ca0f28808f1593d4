import type { ReactNode } from 'react';
import { Role, type Me, type Zone } from '@irm/contracts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMapPinOff, IconPencil, IconPlusMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { usePageTitle } from '../../../shared/ui';
import { RecordBackLink, RecordBody, RecordLoadFailed, RecordSkeleton } from '../../records';
import { useZone } from '../hooks/use-zones';
import { listReturnPath } from '../paths';
import { IllustrativeBadge, ZoneStatusBadge, ZoneTypeBadge } from './badges';
import { EditZoneModal } from './EditZoneModal';
import { LandLedgerChart } from './LandLedgerChart';
import { LandLedgerTable } from './LandLedgerTable';
import { RecordMovementModal } from './RecordMovementModal';
import { ZoneDetails } from './ZoneDetails';
import { ZoneHistory } from './ZoneHistory';
import { ZoneLandBankCard } from './ZoneLandBankCard';

const isManager = (me: Me) => me.role === Role.Manager || me.role === Role.Admin;

/** One zone: its land bank now and over time, the ledger behind it, what it is; managers record and edit. */
interface ZoneRecordProps {
  id: string;
  me: Me;
  /** Panels about the agency's work on the zone (timeline, tasks, later land enquiries), under the ledger. */
  panels?: (zone: Zone) => ReactNode;
}

export function ZoneRecord({ id, me, panels }: ZoneRecordProps) {
  const { t } = useTranslation();
  const zone = useZone(id);
  usePageTitle(zone.data?.name ?? t('zones.title'));
  if (zone.isPending) return <RecordSkeleton testId="zone-loading" />;
  if (zone.isError) {
    return (
      <RecordLoadFailed
        query={zone}
        backLink={<BackLink />}
        notFound={{
          icon: <IconMapPinOff aria-hidden />,
          title: t('zones.notFoundTitle'),
          description: t('zones.notFoundDescription'),
          testId: 'zone-not-found',
        }}
      />
    );
  }
  return <ZoneView zone={zone.data} me={me} panels={panels} />;
}

function ZoneView({ zone, me, panels }: { zone: Zone; me: Me; panels?: ZoneRecordProps['panels'] }) {
  const { t } = useTranslation();
  const [movementOpened, movementModal] = useDisclosure(false);
  const [editOpened, editModal] = useDisclosure(false);
  const manager = isManager(me);
  return (
    <Stack gap="lg">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: '1 1 360px' }}>
          <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }} data-testid="zone-name">
            {zone.name}
          </Title>
          <Group gap="sm" wrap="wrap">
            <ZoneTypeBadge type={zone.type} />
            <ZoneStatusBadge status={zone.status} />
            {zone.illustrative && <IllustrativeBadge />}
            <Text size="sm" c="dimmed">
              {zone.district}
            </Text>
          </Group>
        </Stack>
        {manager && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={editModal.open}
              data-testid="edit-zone"
            >
              {t('zones.edit')}
            </Button>
            <Button
              leftSection={<IconPlusMinus size={16} aria-hidden />}
              onClick={movementModal.open}
              data-testid="record-movement"
            >
              {t('zones.recordMovement')}
            </Button>
          </Group>
        )}
      </Group>
      <RecordBody history={manager ? <ZoneHistory zoneId={zone.id} enabled /> : undefined}>
        <ZoneLandBankCard zone={zone} />
        <LandLedgerChart zone={zone} />
        <LandLedgerTable zoneId={zone.id} />
        <ZoneDetails zone={zone} />
        {panels?.(zone)}
      </RecordBody>
      {manager && (
        <>
          <RecordMovementModal zone={zone} opened={movementOpened} onClose={movementModal.close} />
          <EditZoneModal zone={zone} opened={editOpened} onClose={editModal.close} />
        </>
      )}
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  return <RecordBackLink to={listReturnPath(state)}>{t('zones.back')}</RecordBackLink>;
}
