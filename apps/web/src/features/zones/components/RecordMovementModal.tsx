import { useState, type FormEvent } from 'react';
import { LandMovementKind, type RecordLandMovementRequest, type Zone } from '@irm/contracts';
import { applyLandMovement, LandBankError, movementDeltas, toHundredths, type LandDeltas } from '@irm/domain';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconRefreshAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { FormError, notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useRecordLandMovement } from '../hooks/use-zones';
import { isMovementKind, MOVEMENT_KINDS } from './options';

type Field = 'areaHa' | 'leasedDeltaHa' | 'reservedDeltaHa' | 'reason';
const FIELDS: readonly Field[] = ['areaHa', 'leasedDeltaHa', 'reservedDeltaHa', 'reason'];
type Amount = number | string;

interface RecordMovementModalProps {
  /** The latest copy of the zone: after someone else's change is loaded, the figures show it. */
  zone: Zone;
  opened: boolean;
  onClose: () => void;
}

const amount = (value: Amount): number => (typeof value === 'number' ? value : Number.NaN);

/** A manager's entry in the zone's land ledger, with the figures before and after it. */
export function RecordMovementModal({ zone, opened, onClose }: RecordMovementModalProps) {
  const { t } = useTranslation();
  const record = useRecordLandMovement();
  const close = () => {
    record.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('zones.movementTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <MovementForm zone={zone} record={record} onDone={close} />}
    </Modal>
  );
}

function MovementForm({
  zone,
  record,
  onDone,
}: {
  zone: Zone;
  record: ReturnType<typeof useRecordLandMovement>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const [kind, setKind] = useState<LandMovementKind>(LandMovementKind.Adjust);
  const [area, setArea] = useState<Amount>('');
  const [leasedDelta, setLeasedDelta] = useState<Amount>('');
  const [reservedDelta, setReservedDelta] = useState<Amount>('');
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [seenError, setSeenError] = useState<unknown>(null);
  if (record.error !== seenError) {
    setSeenError(record.error);
    const fromServer: Partial<Record<Field, string>> = {};
    if (isApiError(record.error)) for (const field of FIELDS) fromServer[field] = record.error.fieldError(field);
    setServerErrors(fromServer);
  }
  const clear = (field: Field) => {
    setLocalErrors((current) => ({ ...current, [field]: undefined }));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
  };
  const errorOf = (field: Field) => localErrors[field] ?? serverErrors[field];
  const numberFormat =
    language === 'vi' ? { decimalSeparator: ',', thousandSeparator: '.' } : { thousandSeparator: ',' };

  const deltas = ((): LandDeltas | null => {
    if (kind === LandMovementKind.Adjust) {
      const leased = leasedDelta === '' ? 0 : amount(leasedDelta);
      const reserved = reservedDelta === '' ? 0 : amount(reservedDelta);
      return Number.isFinite(leased) && Number.isFinite(reserved)
        ? { leasedDeltaHa: leased, reservedDeltaHa: reserved }
        : null;
    }
    const value = amount(area);
    return Number.isFinite(value) && value > 0 ? movementDeltas(kind, value) : null;
  })();
  const preview = (() => {
    if (!deltas || (toHundredths(deltas.leasedDeltaHa) === 0 && toHundredths(deltas.reservedDeltaHa) === 0))
      return null;
    try {
      const after = applyLandMovement(zone, deltas);
      return {
        ok: true,
        text: t('zones.afterPreview', {
          leased: format.hectares(after.leasedHa),
          reserved: format.hectares(after.reservedHa),
          available: format.hectares(after.availableHa),
        }),
      };
    } catch (error) {
      if (!(error instanceof LandBankError)) throw error;
      return {
        ok: false,
        text:
          error.code === 'insufficient_available'
            ? t('zones.afterOversold', { available: format.hectares(zone.availableHa) })
            : error.message,
      };
    }
  })();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = { reason: reason.trim() ? undefined : t('zones.reasonRequired') };
    let request: Omit<RecordLandMovementRequest, 'version'>;
    if (kind === LandMovementKind.Adjust) {
      const empty = !deltas || (toHundredths(deltas.leasedDeltaHa) === 0 && toHundredths(deltas.reservedDeltaHa) === 0);
      if (empty) found.leasedDeltaHa = t('zones.deltaRequired');
      request = { kind, reason: reason.trim(), ...(deltas ?? { leasedDeltaHa: 0, reservedDeltaHa: 0 }) };
      if (request.leasedDeltaHa === 0) delete request.leasedDeltaHa;
      if (request.reservedDeltaHa === 0) delete request.reservedDeltaHa;
    } else {
      if (!deltas) found.areaHa = t('zones.areaRequired');
      request = { kind, reason: reason.trim(), areaHa: amount(area) };
    }
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    record.mutate(
      { zone, request },
      {
        onSuccess: (result) => {
          notify({
            tone: 'success',
            message: t('zones.movementRecorded', { kind: t(`zones.movementKind.${kind}`), name: result.zone.name }),
          });
          onDone();
        },
      },
    );
  };

  const stale = isStaleVersion(record.error);
  return (
    <form onSubmit={submit} noValidate data-testid="land-movement-form">
      <Stack gap="md">
        {stale && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconRefreshAlert aria-hidden />}
            role="alert"
            data-testid="stale-notice"
          >
            {t('zones.movementStale')}
          </Alert>
        )}
        {!stale && <FormError error={record.error} title={t('zones.movementFailed')} shownFields={FIELDS} />}
        <Text size="sm" data-testid="movement-current">
          {t('zones.movementIntro', {
            leased: format.hectares(zone.leasedHa),
            reserved: format.hectares(zone.reservedHa),
            available: format.hectares(zone.availableHa),
          })}
        </Text>
        <Stack gap={6}>
          <Text size="sm" fw={500} id="movement-kind-label">
            {t('zones.movementKindLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="movement-kind-label"
            fullWidth
            data={MOVEMENT_KINDS.map((value) => ({ value, label: t(`zones.movementKind.${value}`) }))}
            value={kind}
            onChange={(value) => isMovementKind(value) && setKind(value)}
          />
          <Text size="xs" c="dimmed">
            {t(`zones.movementKindHint.${kind}`)}
          </Text>
        </Stack>
        {kind === LandMovementKind.Adjust ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('zones.leasedDeltaHa')}
              description={t('zones.deltaHint')}
              decimalScale={2}
              allowNegative
              {...numberFormat}
              value={leasedDelta}
              onChange={(value) => {
                setLeasedDelta(value);
                clear('leasedDeltaHa');
              }}
              error={errorOf('leasedDeltaHa')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data-autofocus
            />
            <NumberInput
              label={t('zones.reservedDeltaHa')}
              description={t('zones.deltaHint')}
              decimalScale={2}
              allowNegative
              {...numberFormat}
              value={reservedDelta}
              onChange={(value) => {
                setReservedDelta(value);
                clear('reservedDeltaHa');
              }}
              error={errorOf('reservedDeltaHa')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
        ) : (
          <NumberInput
            label={t('zones.areaHa')}
            required
            decimalScale={2}
            allowNegative={false}
            min={0}
            {...numberFormat}
            value={area}
            onChange={(value) => {
              setArea(value);
              clear('areaHa');
            }}
            error={errorOf('areaHa')}
            data-autofocus
          />
        )}
        <Textarea
          label={t('zones.reason')}
          required
          placeholder={t('zones.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            clear('reason');
          }}
          error={errorOf('reason')}
        />
        {preview && (
          <Text size="sm" c={preview.ok ? 'dimmed' : 'red.8'} data-testid="movement-preview">
            {preview.text}
          </Text>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone} disabled={record.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('zones.movementSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
