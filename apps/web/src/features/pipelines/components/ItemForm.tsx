import { useState, type FormEvent, type ReactNode } from 'react';
import {
  LeadSource,
  LenderKind,
  LoanApplicantType,
  PipelineKind,
  Role,
  ZONE_SECTORS,
  type Me,
  type ZoneSector,
} from '@irm/contracts';
import { hasAtMostTwoDecimals } from '@irm/domain';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  type NumberInputProps,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { FormError } from '../../../shared/ui';
import { OrganizationPicker, type OrganizationChoice } from '../../contacts';
import { ColleaguePicker } from '../../people';
import { useZoneOptions } from '../hooks/use-zone-options';
import type { ItemFields, PipelineItem } from '../types';

type Amount = number | string;

interface FormValues {
  title: string;
  owner: { id: string; name: string; email: string } | null;
  organization: OrganizationChoice | null;
  sector: ZoneSector | null;
  source: LeadSource | null;
  capitalUsd: Amount;
  expectedJobs: Amount;
  requestedAreaHa: Amount;
  zoneId: string | null;
  preferredZoneIds: string[];
  wantedBy: string;
  applicantType: LoanApplicantType;
  lender: string;
  lenderKind: LenderKind;
  purpose: string;
  requestedVnd: Amount;
  approvedVnd: Amount;
  interestSupportRate: Amount;
  termMonths: Amount;
  documentsDueOn: string;
}

type Field = keyof ItemFields;
type FieldErrors = Partial<Record<Field, string>>;

/** The fields each kind's form shows, besides the common ones (title, owner, investor, sector, source). */
export const KIND_FIELDS: Record<PipelineKind, readonly Field[]> = {
  [PipelineKind.Prospect]: ['capitalUsd', 'expectedJobs'],
  [PipelineKind.LandEnquiry]: [
    'requestedAreaHa',
    'zoneId',
    'preferredZoneIds',
    'wantedBy',
    'capitalUsd',
    'expectedJobs',
  ],
  [PipelineKind.LoanApplication]: [
    'applicantType',
    'lender',
    'lenderKind',
    'purpose',
    'requestedVnd',
    'approvedVnd',
    'interestSupportRate',
    'termMonths',
    'documentsDueOn',
  ],
  [PipelineKind.EventContact]: [],
};

export const COMMON_FIELDS: readonly Field[] = ['title', 'ownerId', 'organizationId', 'sector', 'source'];

const numberOrNull = (value: Amount): number | null => (typeof value === 'number' ? value : null);
const field = (item: PipelineItem | undefined, name: string): unknown =>
  item ? (item as unknown as Record<string, unknown>)[name] : undefined;
const amount = (item: PipelineItem | undefined, name: string): Amount => {
  const value = field(item, name);
  return typeof value === 'number' ? value : '';
};

function initialValues(item: PipelineItem | undefined, me: Me): FormValues {
  return {
    title: item?.title ?? '',
    owner: item ? { id: item.ownerId, name: item.ownerName, email: '' } : { id: me.id, name: me.name, email: me.email },
    organization:
      item?.organizationId && item.organizationName
        ? { value: item.organizationId, label: item.organizationName }
        : null,
    sector: item?.sector ?? null,
    source: item?.source ?? null,
    capitalUsd: amount(item, 'capitalUsd'),
    expectedJobs: amount(item, 'expectedJobs'),
    requestedAreaHa: amount(item, 'requestedAreaHa'),
    zoneId: (field(item, 'zoneId') as string | null | undefined) ?? null,
    preferredZoneIds: (field(item, 'preferredZoneIds') as string[] | undefined) ?? [],
    wantedBy: (field(item, 'wantedBy') as string | null | undefined) ?? '',
    applicantType: (field(item, 'applicantType') as LoanApplicantType | undefined) ?? LoanApplicantType.Sme,
    lender: (field(item, 'lender') as string | undefined) ?? '',
    lenderKind: (field(item, 'lenderKind') as LenderKind | undefined) ?? LenderKind.Bank,
    purpose: (field(item, 'purpose') as string | undefined) ?? '',
    requestedVnd: amount(item, 'requestedVnd'),
    approvedVnd: amount(item, 'approvedVnd'),
    interestSupportRate: amount(item, 'interestSupportRate'),
    termMonths: amount(item, 'termMonths'),
    documentsDueOn: (field(item, 'documentsDueOn') as string | null | undefined) ?? '',
  };
}

/** The request for the fields this kind has: text trimmed, empty optional figures as null. */
function toRequest(kind: PipelineKind, values: FormValues, creating: boolean): ItemFields {
  const all: Required<ItemFields> = {
    title: values.title.trim(),
    ownerId: values.owner?.id ?? '',
    organizationId: values.organization?.value ?? null,
    sector: values.sector,
    source: values.source,
    capitalUsd: numberOrNull(values.capitalUsd),
    expectedJobs: numberOrNull(values.expectedJobs),
    requestedAreaHa: numberOrNull(values.requestedAreaHa) ?? Number.NaN,
    zoneId: values.zoneId,
    preferredZoneIds: values.preferredZoneIds,
    wantedBy: values.wantedBy || null,
    applicantType: values.applicantType,
    lender: values.lender.trim(),
    lenderKind: values.lenderKind,
    purpose: values.purpose.trim(),
    requestedVnd: numberOrNull(values.requestedVnd) ?? Number.NaN,
    approvedVnd: numberOrNull(values.approvedVnd),
    interestSupportRate: numberOrNull(values.interestSupportRate),
    termMonths: numberOrNull(values.termMonths),
    documentsDueOn: values.documentsDueOn || null,
  };
  const request: Record<string, unknown> = {};
  for (const name of [...COMMON_FIELDS, ...KIND_FIELDS[kind]]) {
    // An approval is recorded on an application that exists, by a manager.
    if (creating && name === 'approvedVnd') continue;
    request[name] = all[name];
  }
  // A loan application without a name gets "<purpose> — <lender>" from the server.
  if (kind === PipelineKind.LoanApplication && creating && !all.title) delete request.title;
  return request as unknown as ItemFields;
}

export interface ItemFormProps {
  kind: PipelineKind;
  me: Me;
  /** The item being edited; a new one when absent. */
  item?: PipelineItem;
  pending: boolean;
  error: unknown;
  notice?: ReactNode;
  errorTitle: string;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (request: ItemFields) => void;
  'data-testid'?: string;
}

/** A prospect, land enquiry or loan application: what it is about and its figures; the server checks them again. */
export function ItemForm({
  kind,
  me,
  item,
  pending,
  error,
  notice,
  errorTitle,
  submitLabel,
  onCancel,
  onSubmit,
  'data-testid': testId,
}: ItemFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const zones = useZoneOptions();
  const [values, setValues] = useState(() => initialValues(item, me));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [seenError, setSeenError] = useState<unknown>(null);
  const shown = [...COMMON_FIELDS, ...KIND_FIELDS[kind]];
  if (error !== seenError) {
    setSeenError(error);
    const fromServer: FieldErrors = {};
    if (isApiError(error)) for (const name of shown) fromServer[name] = error.fieldError(name);
    setServerErrors(fromServer);
  }
  const has = (name: Field) => KIND_FIELDS[kind].includes(name);
  const canAssign = me.role === Role.Manager || me.role === Role.Admin;
  const numberFormat: Partial<NumberInputProps> =
    language === 'vi' ? { decimalSeparator: ',', thousandSeparator: '.' } : { thousandSeparator: ',' };

  const set = <K extends keyof FormValues>(name: K, value: FormValues[K], errorField: Field) => {
    setValues((current) => ({ ...current, [name]: value }));
    setLocalErrors((current) => ({ ...current, [errorField]: undefined }));
    setServerErrors((current) => ({ ...current, [errorField]: undefined }));
  };
  const errorOf = (name: Field) => localErrors[name] ?? serverErrors[name];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = toRequest(kind, values, !item);
    const positive = (value: number | undefined | null): value is number =>
      typeof value === 'number' && Number.isFinite(value) && value > 0;
    const found: FieldErrors = {
      title:
        request.title || (kind === PipelineKind.LoanApplication && !item)
          ? undefined
          : t('pipelines.form.titleRequired'),
      organizationId:
        kind !== PipelineKind.EventContact && !request.organizationId
          ? t('pipelines.form.organizationRequired')
          : undefined,
      requestedAreaHa:
        has('requestedAreaHa') && !(positive(request.requestedAreaHa) && hasAtMostTwoDecimals(request.requestedAreaHa))
          ? t('pipelines.form.areaInvalid')
          : undefined,
      requestedVnd:
        has('requestedVnd') && !(positive(request.requestedVnd) && Number.isInteger(request.requestedVnd))
          ? t('pipelines.form.amountInvalid')
          : undefined,
      lender: has('lender') && !request.lender ? t('pipelines.form.lenderRequired') : undefined,
      purpose: has('purpose') && !request.purpose ? t('pipelines.form.purposeRequired') : undefined,
    };
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    onSubmit(request);
  };

  const shownFields = isApiError(error)
    ? error.fieldErrors.map((e) => e.field).filter((name) => shown.includes(name as Field))
    : [];
  const zoneData = (zones.data ?? []).map((zone) => ({ value: zone.value, label: zone.label }));

  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="md">
        {notice}
        <FormError error={error} title={errorTitle} shownFields={shownFields} />
        <TextInput
          label={t('pipelines.field.title')}
          description={t(
            kind === PipelineKind.LoanApplication && !item
              ? 'pipelines.form.loanTitleHint'
              : `pipelines.form.titleHint.${kind}`,
          )}
          required={kind !== PipelineKind.LoanApplication || !!item}
          data-autofocus
          autoComplete="off"
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value, 'title')}
          error={errorOf('title')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <OrganizationPicker
          label={t('pipelines.field.organization')}
          required={kind !== PipelineKind.EventContact}
          value={values.organization}
          onChange={(choice) => set('organization', choice, 'organizationId')}
          error={errorOf('organizationId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('pipelines.field.sector')}
            clearable
            data={ZONE_SECTORS.map((value) => ({ value, label: t(`zones.sector.${value}`) }))}
            value={values.sector}
            onChange={(value) => set('sector', (value as ZoneSector | null) ?? null, 'sector')}
            error={errorOf('sector')}
          />
          <Select
            label={t('pipelines.field.source')}
            clearable
            data={Object.values(LeadSource).map((value) => ({ value, label: t(`investors.source.${value}`) }))}
            value={values.source}
            onChange={(value) => set('source', (value as LeadSource | null) ?? null, 'source')}
            error={errorOf('source')}
          />
        </SimpleGrid>

        {kind === PipelineKind.LandEnquiry && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label={t('pipelines.field.requestedAreaHa')}
                required
                suffix=" ha"
                decimalScale={2}
                allowNegative={false}
                {...numberFormat}
                value={values.requestedAreaHa}
                onChange={(value) => set('requestedAreaHa', value, 'requestedAreaHa')}
                error={errorOf('requestedAreaHa')}
              />
              <TextInput
                type="date"
                label={t('pipelines.field.wantedBy')}
                value={values.wantedBy}
                onChange={(event) => set('wantedBy', event.currentTarget.value, 'wantedBy')}
                error={errorOf('wantedBy')}
              />
            </SimpleGrid>
            <Select
              label={t('pipelines.field.zone')}
              description={t('pipelines.form.zoneHint')}
              searchable
              clearable
              data={zoneData}
              value={values.zoneId}
              onChange={(value) => set('zoneId', value, 'zoneId')}
              error={errorOf('zoneId')}
              nothingFoundMessage={t('pipelines.filters.noZone')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <MultiSelect
              label={t('pipelines.field.preferredZones')}
              searchable
              clearable
              data={zoneData}
              value={values.preferredZoneIds}
              onChange={(value) => set('preferredZoneIds', value, 'preferredZoneIds')}
              error={errorOf('preferredZoneIds')}
              nothingFoundMessage={t('pipelines.filters.noZone')}
            />
          </>
        )}

        {kind === PipelineKind.LoanApplication && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('pipelines.field.applicantType')}
                required
                allowDeselect={false}
                data={Object.values(LoanApplicantType).map((value) => ({
                  value,
                  label: t(`pipelines.applicantType.${value}`),
                }))}
                value={values.applicantType}
                onChange={(value) => value && set('applicantType', value as LoanApplicantType, 'applicantType')}
                error={errorOf('applicantType')}
              />
              <Select
                label={t('pipelines.field.lenderKind')}
                required
                allowDeselect={false}
                data={Object.values(LenderKind).map((value) => ({ value, label: t(`pipelines.lenderKind.${value}`) }))}
                value={values.lenderKind}
                onChange={(value) => value && set('lenderKind', value as LenderKind, 'lenderKind')}
                error={errorOf('lenderKind')}
              />
            </SimpleGrid>
            <TextInput
              label={t('pipelines.field.lender')}
              required
              autoComplete="off"
              value={values.lender}
              onChange={(event) => set('lender', event.currentTarget.value, 'lender')}
              error={errorOf('lender')}
            />
            <Textarea
              label={t('pipelines.field.purpose')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={values.purpose}
              onChange={(event) => set('purpose', event.currentTarget.value, 'purpose')}
              error={errorOf('purpose')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label={t('pipelines.field.requestedVnd')}
                required
                suffix=" ₫"
                allowDecimal={false}
                allowNegative={false}
                {...numberFormat}
                value={values.requestedVnd}
                onChange={(value) => set('requestedVnd', value, 'requestedVnd')}
                error={errorOf('requestedVnd')}
              />
              {item && (
                <NumberInput
                  label={t('pipelines.field.approvedVnd')}
                  description={canAssign ? undefined : t('pipelines.form.approvedManagersOnly')}
                  suffix=" ₫"
                  allowDecimal={false}
                  allowNegative={false}
                  disabled={!canAssign}
                  {...numberFormat}
                  value={values.approvedVnd}
                  onChange={(value) => set('approvedVnd', value, 'approvedVnd')}
                  error={errorOf('approvedVnd')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              )}
              <NumberInput
                label={t('pipelines.field.interestSupportRate')}
                suffix=" %"
                decimalScale={2}
                allowNegative={false}
                max={100}
                {...numberFormat}
                value={values.interestSupportRate}
                onChange={(value) => set('interestSupportRate', value, 'interestSupportRate')}
                error={errorOf('interestSupportRate')}
              />
              <NumberInput
                label={t('pipelines.field.termMonths')}
                allowDecimal={false}
                allowNegative={false}
                {...numberFormat}
                value={values.termMonths}
                onChange={(value) => set('termMonths', value, 'termMonths')}
                error={errorOf('termMonths')}
              />
              <TextInput
                type="date"
                label={t('pipelines.field.documentsDueOn')}
                description={t('pipelines.form.documentsDueOnHint')}
                value={values.documentsDueOn}
                onChange={(event) => set('documentsDueOn', event.currentTarget.value, 'documentsDueOn')}
                error={errorOf('documentsDueOn')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
          </>
        )}

        {has('capitalUsd') && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('pipelines.field.capitalUsd')}
              prefix="US$ "
              decimalScale={2}
              allowNegative={false}
              {...numberFormat}
              value={values.capitalUsd}
              onChange={(value) => set('capitalUsd', value, 'capitalUsd')}
              error={errorOf('capitalUsd')}
            />
            <NumberInput
              label={t('pipelines.field.expectedJobs')}
              allowDecimal={false}
              allowNegative={false}
              {...numberFormat}
              value={values.expectedJobs}
              onChange={(value) => set('expectedJobs', value, 'expectedJobs')}
              error={errorOf('expectedJobs')}
            />
          </SimpleGrid>
        )}

        {canAssign ? (
          <ColleaguePicker
            label={t('pipelines.field.owner')}
            required
            value={values.owner}
            onChange={(colleague) => colleague && set('owner', colleague, 'ownerId')}
            error={errorOf('ownerId')}
          />
        ) : (
          <TextInput
            label={t('pipelines.field.owner')}
            description={t('pipelines.form.ownerHintStaff')}
            value={values.owner?.name ?? ''}
            readOnly
            disabled
            error={errorOf('ownerId')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
