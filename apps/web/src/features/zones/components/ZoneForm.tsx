import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { MAX_ZONE_AREA_HA, ZoneStatus, type UpdateZoneRequest, type Zone, type ZoneSector } from '@irm/contracts';
import { hasAtMostTwoDecimals, toHundredths } from '@irm/domain';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { FormError } from '../../../shared/ui';
import { OrganizationPicker, type OrganizationChoice } from '../../contacts';
import { useZoneDistricts } from '../hooks/use-zones';
import { isZoneSector, isZoneStatus, sectorOptions, statusOptions } from './options';

const FIELDS = [
  'name',
  'district',
  'status',
  'totalAreaHa',
  'industrialLandHa',
  'infrastructureInvestorId',
  'sectors',
  'workforce',
  'craftVillage',
  'latitude',
  'longitude',
  'illustrative',
  'source',
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;
type Amount = number | string;

export type ZoneFormRequest = Omit<UpdateZoneRequest, 'version'>;

interface ZoneFormValues {
  name: string;
  district: string | null;
  status: ZoneStatus;
  totalAreaHa: Amount;
  industrialLandHa: Amount;
  investor: OrganizationChoice | null;
  sectors: ZoneSector[];
  workforce: Amount;
  craftVillage: string;
  latitude: Amount;
  longitude: Amount;
  illustrative: boolean;
  source: string;
}

interface ZoneFormProps {
  zone: Zone;
  pending: boolean;
  error: unknown;
  notice?: ReactNode;
  onCancel: () => void;
  onSubmit: (request: ZoneFormRequest) => void;
}

const numberOrNull = (value: Amount): number | null => (typeof value === 'number' ? value : null);

function initialValues(zone: Zone): ZoneFormValues {
  return {
    name: zone.name,
    district: zone.district,
    status: zone.status,
    totalAreaHa: zone.totalAreaHa,
    industrialLandHa: zone.industrialLandHa,
    investor:
      zone.infrastructureInvestorId && zone.infrastructureInvestor
        ? { value: zone.infrastructureInvestorId, label: zone.infrastructureInvestor }
        : null,
    sectors: zone.sectors,
    workforce: zone.workforce ?? '',
    craftVillage: zone.craftVillage ?? '',
    latitude: zone.latitude ?? '',
    longitude: zone.longitude ?? '',
    illustrative: zone.illustrative,
    source: zone.source ?? '',
  };
}

function toRequest(values: ZoneFormValues): ZoneFormRequest {
  return {
    name: values.name.trim(),
    district: values.district ?? '',
    status: values.status,
    totalAreaHa: numberOrNull(values.totalAreaHa) ?? Number.NaN,
    industrialLandHa: numberOrNull(values.industrialLandHa) ?? Number.NaN,
    infrastructureInvestorId: values.investor?.value ?? null,
    sectors: values.sectors,
    workforce: numberOrNull(values.workforce),
    craftVillage: values.craftVillage.trim() || null,
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    illustrative: values.illustrative,
    source: values.source.trim() || null,
  };
}

const validArea = (ha: number | undefined) =>
  ha !== undefined && Number.isFinite(ha) && ha >= 0 && ha <= MAX_ZONE_AREA_HA && hasAtMostTwoDecimals(ha);

/** The manager's edit of a zone's description and areas; the server checks them again against the land bank. */
export function ZoneForm({ zone, pending, error, notice, onCancel, onSubmit }: ZoneFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const districts = useZoneDistricts();
  const [values, setValues] = useState(() => initialValues(zone));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [seenError, setSeenError] = useState<unknown>(null);
  if (error !== seenError) {
    setSeenError(error);
    const fromServer: FieldErrors = {};
    if (isApiError(error)) for (const field of FIELDS) fromServer[field] = error.fieldError(field);
    if (isApiError(error) && !fromServer.sectors) {
      fromServer.sectors = error.fieldErrors.find((e) => e.field.startsWith('sectors'))?.message;
    }
    setServerErrors(fromServer);
  }
  const districtOptions = useMemo(() => {
    const names = new Set([...(districts.data ?? []), zone.district]);
    return [...names].sort((a, b) => a.localeCompare(b, 'vi')).map((name) => ({ value: name, label: name }));
  }, [districts.data, zone.district]);
  const numberFormat =
    language === 'vi' ? { decimalSeparator: ',', thousandSeparator: '.' } : { thousandSeparator: ',' };

  const set = <K extends keyof ZoneFormValues>(field: K, value: ZoneFormValues[K], errorField: Field) => {
    setValues((current) => ({ ...current, [field]: value }));
    setLocalErrors((current) => ({ ...current, [errorField]: undefined }));
    setServerErrors((current) => ({ ...current, [errorField]: undefined }));
  };
  const errorOf = (field: Field) => localErrors[field] ?? serverErrors[field];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = toRequest(values);
    const oneCoordinate = (request.latitude === null) !== (request.longitude === null);
    const found: FieldErrors = {
      name: request.name ? undefined : t('zones.nameRequired'),
      district: request.district ? undefined : t('zones.districtRequired'),
      totalAreaHa: validArea(request.totalAreaHa) ? undefined : t('zones.areaInvalid'),
      industrialLandHa: !validArea(request.industrialLandHa)
        ? t('zones.areaInvalid')
        : validArea(request.totalAreaHa) && toHundredths(request.industrialLandHa!) > toHundredths(request.totalAreaHa!)
          ? t('zones.industrialAboveTotal')
          : undefined,
      workforce:
        request.workforce === null || (Number.isInteger(request.workforce) && request.workforce! >= 0)
          ? undefined
          : t('zones.workforceInvalid'),
      latitude: oneCoordinate
        ? t('zones.locationPair')
        : request.latitude !== null && Math.abs(request.latitude!) > 90
          ? t('zones.latitudeRange')
          : undefined,
      longitude:
        request.longitude !== null && Math.abs(request.longitude!) > 180 ? t('zones.longitudeRange') : undefined,
    };
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    onSubmit(request);
  };

  const shownFields = isApiError(error)
    ? error.fieldErrors
        .map((e) => e.field)
        .filter((name) => FIELDS.some((field) => name === field || name.startsWith(field)))
    : [];

  return (
    <form onSubmit={submit} noValidate data-testid="edit-zone-form">
      <Stack gap="md">
        {notice}
        <FormError error={error} title={t('zones.saveFailed')} shownFields={shownFields} />
        <TextInput
          label={t('zones.name')}
          required
          data-autofocus
          autoComplete="off"
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value, 'name')}
          error={errorOf('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('zones.district')}
            required
            searchable
            allowDeselect={false}
            data={districtOptions}
            value={values.district}
            onChange={(value) => set('district', value, 'district')}
            error={errorOf('district')}
          />
          <Select
            label={t('zones.statusLabel')}
            required
            allowDeselect={false}
            data={statusOptions(t)}
            value={values.status}
            onChange={(value) => isZoneStatus(value) && set('status', value, 'status')}
            error={errorOf('status')}
          />
          <NumberInput
            label={t('zones.totalArea')}
            required
            suffix=" ha"
            decimalScale={2}
            allowNegative={false}
            {...numberFormat}
            value={values.totalAreaHa}
            onChange={(value) => set('totalAreaHa', value, 'totalAreaHa')}
            error={errorOf('totalAreaHa')}
          />
          <NumberInput
            label={t('zones.industrialLand')}
            required
            suffix=" ha"
            decimalScale={2}
            allowNegative={false}
            {...numberFormat}
            value={values.industrialLandHa}
            onChange={(value) => set('industrialLandHa', value, 'industrialLandHa')}
            error={errorOf('industrialLandHa')}
          />
        </SimpleGrid>
        <OrganizationPicker
          label={t('zones.investor')}
          description={t('zones.investorHint')}
          value={values.investor}
          onChange={(choice) => set('investor', choice, 'infrastructureInvestorId')}
          error={errorOf('infrastructureInvestorId')}
        />
        <MultiSelect
          label={t('zones.sectors')}
          clearable
          data={sectorOptions(t)}
          value={values.sectors}
          onChange={(value) => set('sectors', value.filter(isZoneSector), 'sectors')}
          error={errorOf('sectors')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('zones.workforce')}
            allowDecimal={false}
            allowNegative={false}
            {...numberFormat}
            value={values.workforce}
            onChange={(value) => set('workforce', value, 'workforce')}
            error={errorOf('workforce')}
          />
          <TextInput
            label={t('zones.craftVillage')}
            autoComplete="off"
            value={values.craftVillage}
            onChange={(event) => set('craftVillage', event.currentTarget.value, 'craftVillage')}
            error={errorOf('craftVillage')}
          />
          <NumberInput
            label={t('zones.latitude')}
            description={t('zones.locationHint')}
            decimalScale={6}
            min={-90}
            max={90}
            {...numberFormat}
            thousandSeparator={undefined}
            value={values.latitude}
            onChange={(value) => set('latitude', value, 'latitude')}
            error={errorOf('latitude')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <NumberInput
            label={t('zones.longitude')}
            decimalScale={6}
            min={-180}
            max={180}
            {...numberFormat}
            thousandSeparator={undefined}
            value={values.longitude}
            onChange={(value) => set('longitude', value, 'longitude')}
            error={errorOf('longitude')}
          />
        </SimpleGrid>
        <Textarea
          label={t('zones.source')}
          autosize
          minRows={2}
          maxLength={1000}
          value={values.source}
          onChange={(event) => set('source', event.currentTarget.value, 'source')}
          error={errorOf('source')}
        />
        <Switch
          label={t('zones.illustrativeLabel')}
          description={t('zones.illustrativeFieldHint')}
          checked={values.illustrative}
          onChange={(event) => set('illustrative', event.currentTarget.checked, 'illustrative')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
