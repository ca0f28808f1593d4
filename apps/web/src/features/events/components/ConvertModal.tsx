import { useState, type FormEvent } from 'react';
import {
  LenderKind,
  LoanApplicantType,
  type ConversionKind,
  type ConvertEventContactRequest,
  type ConvertEventContactResult,
  type PipelineKind,
  type ZoneSector,
} from '@irm/contracts';
import {
  Button,
  Group,
  Modal,
  ThemeIcon,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { FormError } from '../../../shared/ui';
import { OrganizationPicker, type OrganizationChoice } from '../../contacts';
import { isStaleVersion } from '../../records';
import type { ConversionSubject } from '../conversion';
import { useConvertEventContact, useZoneChoices } from '../hooks/use-events';
import { itemPath } from '../paths';
import { applicantTypeOptions, isConversionKind, lenderKindOptions, sectorOptions } from './options';

const FIELDS = [
  'title',
  'organizationId',
  'sector',
  'capitalUsd',
  'expectedJobs',
  'requestedAreaHa',
  'zoneId',
  'requestedVnd',
  'applicantType',
  'lender',
  'lenderKind',
  'purpose',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  kind: ConversionKind;
  title: string;
  organization: OrganizationChoice | null;
  sector: ZoneSector | null;
  capitalUsd: number | string;
  expectedJobs: number | string;
  requestedAreaHa: number | string;
  zoneId: string | null;
  requestedVnd: number | string;
  applicantType: LoanApplicantType;
  lender: string;
  lenderKind: LenderKind;
  purpose: string;
}

const numberOrNull = (value: number | string) => (typeof value === 'number' ? value : null);

function toRequest(values: Values): Omit<ConvertEventContactRequest, 'version'> {
  const common = {
    kind: values.kind,
    title: values.kind === 'loan_application' ? undefined : values.title.trim() || undefined,
    ...(values.organization && { organizationId: values.organization.value }),
    sector: values.sector,
    capitalUsd: numberOrNull(values.capitalUsd),
    expectedJobs: numberOrNull(values.expectedJobs),
  };
  if (values.kind === 'land_enquiry') {
    return { ...common, requestedAreaHa: numberOrNull(values.requestedAreaHa) ?? undefined, zoneId: values.zoneId };
  }
  if (values.kind === 'loan_application') {
    return {
      ...common,
      requestedVnd: numberOrNull(values.requestedVnd) ?? undefined,
      applicantType: values.applicantType,
      lender: values.lender.trim(),
      lenderKind: values.lenderKind,
      purpose: values.purpose.trim(),
    };
  }
  return common;
}

/**
 * Turns a person met at an event into a prospect, land enquiry or loan application, asking only for what that
 * kind needs. The new item opens in its first stage and the event contact moves to Converted in one step; the
 * dialog then offers the new item's page.
 */
export function ConvertModal({
  subject,
  onClose,
}: {
  /** The contact to convert; the dialog is closed when null. */
  subject: ConversionSubject | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={subject !== null}
      onClose={onClose}
      title={subject ? t('events.convert.title', { name: subject.contactName }) : ''}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {subject && <Conversion key={subject.itemId} subject={subject} onClose={onClose} />}
    </Modal>
  );
}

/** The form, then what came of it. */
function Conversion({ subject, onClose }: { subject: ConversionSubject; onClose: () => void }) {
  const [result, setResult] = useState<ConvertEventContactResult | null>(null);
  return result ? (
    <Converted subject={subject} item={result.item} onClose={onClose} />
  ) : (
    <ConvertForm subject={subject} onConverted={setResult} onCancel={onClose} />
  );
}

function Converted({
  subject,
  item,
  onClose,
}: {
  subject: ConversionSubject;
  item: ConvertEventContactResult['item'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="convert-done">
      <Group gap="sm" wrap="nowrap" align="flex-start" role="status">
        <ThemeIcon color="teal" variant="light" radius="xl" size="lg" aria-hidden>
          <IconCheck size={18} />
        </ThemeIcon>
        <div>
          <Text fw={600}>{t(`events.convert.done.${item.kind}`, { name: subject.contactName })}</Text>
          <Text size="sm" c="dimmed">
            {t('events.convert.doneHint')}
          </Text>
        </div>
      </Group>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('events.convert.stay')}
        </Button>
        <Button
          component={Link}
          to={itemPath(item.kind, item.id)}
          rightSection={<IconArrowRight size={16} aria-hidden />}
          data-autofocus
          data-testid="convert-open-item"
        >
          {t(`events.convert.open.${item.kind}`)}
        </Button>
      </Group>
    </Stack>
  );
}

function ConvertForm({
  subject,
  onConverted,
  onCancel,
}: {
  subject: ConversionSubject;
  onConverted: (result: ConvertEventContactResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const convert = useConvertEventContact();
  // Three kinds side by side do not fit a phone: there they stack.
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [values, setValues] = useState<Values>({
    kind: 'prospect',
    title: subject.organizationName ?? subject.contactName,
    organization: null,
    sector: null,
    capitalUsd: '',
    expectedJobs: '',
    requestedAreaHa: '',
    zoneId: null,
    requestedVnd: '',
    applicantType: LoanApplicantType.Sme,
    lender: '',
    lenderKind: LenderKind.Bank,
    purpose: '',
  });
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const zones = useZoneChoices(values.kind === 'land_enquiry');
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setLocalErrors((current) => ({ ...current, [field === 'organization' ? 'organizationId' : field]: undefined }));
  };
  const serverError = (field: Field) => (isApiError(convert.error) ? convert.error.fieldError(field) : undefined);
  const errorOf = (field: Field) => localErrors[field] ?? serverError(field);
  const thousands = language === 'vi' ? '.' : ',';
  const decimal = language === 'vi' ? ',' : '.';

  const validate = () => {
    const found: Partial<Record<Field, string>> = {};
    const required = t('events.convert.required');
    if (!subject.organizationId && !values.organization)
      found.organizationId = t('events.convert.organizationRequired');
    if (values.kind === 'land_enquiry' && typeof values.requestedAreaHa !== 'number') found.requestedAreaHa = required;
    if (values.kind === 'loan_application') {
      if (typeof values.requestedVnd !== 'number') found.requestedVnd = required;
      if (!values.lender.trim()) found.lender = required;
      if (!values.purpose.trim()) found.purpose = required;
    }
    return found;
  };

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const found = validate();
    setLocalErrors(found);
    if (Object.values(found).some(Boolean)) return;
    convert.mutate({ subject, request: toRequest(values) }, { onSuccess: onConverted });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="convert-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('events.convert.hint')}
        </Text>
        {isStaleVersion(convert.error) ? (
          <Text size="sm" c="red" role="alert">
            {t('events.convert.stale')}
          </Text>
        ) : (
          <FormError error={convert.error} title={t('events.convert.failed')} shownFields={FIELDS} />
        )}
        <SegmentedControl
          fullWidth
          orientation={narrow ? 'vertical' : 'horizontal'}
          aria-label={t('events.convert.kind')}
          data={(['prospect', 'land_enquiry', 'loan_application'] as const).map((kind) => ({
            value: kind,
            label: t(`events.convertKind.${kind}`),
          }))}
          value={values.kind}
          onChange={(value) => isConversionKind(value) && set('kind', value)}
          data-testid="convert-kind"
        />
        {values.kind !== 'loan_application' && (
          // Loan applications are named after their purpose and lender.
          <TextInput
            label={t(`events.convert.titleLabel.${values.kind}`)}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorOf('title')}
            maxLength={300}
            data-testid="convert-title"
          />
        )}
        {!subject.organizationId && (
          <OrganizationPicker
            label={t('events.convert.organization')}
            description={t('events.convert.organizationHint')}
            value={values.organization}
            onChange={(organization) => set('organization', organization)}
            error={errorOf('organizationId')}
          />
        )}
        {values.kind === 'land_enquiry' && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('events.convert.requestedAreaHa')}
              required
              min={0.01}
              decimalScale={2}
              allowNegative={false}
              decimalSeparator={decimal}
              thousandSeparator={thousands}
              suffix=" ha"
              value={values.requestedAreaHa}
              onChange={(value) => set('requestedAreaHa', value)}
              error={errorOf('requestedAreaHa')}
              data-testid="convert-area"
            />
            <Select
              label={t('events.convert.zone')}
              placeholder={t('events.convert.zonePlaceholder')}
              data={zones.data ?? []}
              value={values.zoneId}
              onChange={(value) => set('zoneId', value)}
              searchable
              clearable
              error={errorOf('zoneId')}
            />
          </SimpleGrid>
        )}
        {values.kind === 'loan_application' && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                label={t('events.convert.requestedVnd')}
                required
                min={1}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={thousands}
                decimalSeparator={decimal}
                suffix=" ₫"
                value={values.requestedVnd}
                onChange={(value) => set('requestedVnd', value)}
                error={errorOf('requestedVnd')}
                data-testid="convert-amount"
              />
              <Select
                label={t('events.convert.applicantType')}
                data={applicantTypeOptions(t)}
                value={values.applicantType}
                onChange={(value) => value && set('applicantType', value as LoanApplicantType)}
                allowDeselect={false}
                error={errorOf('applicantType')}
              />
              <TextInput
                label={t('events.convert.lender')}
                required
                value={values.lender}
                onChange={(e) => set('lender', e.currentTarget.value)}
                error={errorOf('lender')}
                maxLength={200}
                data-testid="convert-lender"
              />
              <Select
                label={t('events.convert.lenderKind')}
                data={lenderKindOptions(t)}
                value={values.lenderKind}
                onChange={(value) => value && set('lenderKind', value as LenderKind)}
                allowDeselect={false}
                error={errorOf('lenderKind')}
              />
            </SimpleGrid>
            <Textarea
              label={t('events.convert.purpose')}
              required
              autosize
              minRows={2}
              value={values.purpose}
              onChange={(e) => set('purpose', e.currentTarget.value)}
              error={errorOf('purpose')}
              maxLength={500}
              data-testid="convert-purpose"
            />
          </>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Select
            label={t('events.convert.sector')}
            placeholder={t('events.convert.zonePlaceholder')}
            data={sectorOptions(t)}
            value={values.sector}
            onChange={(value) => set('sector', value as ZoneSector | null)}
            clearable
            error={errorOf('sector')}
          />
          <NumberInput
            label={t('events.convert.capitalUsd')}
            min={0}
            decimalScale={2}
            allowNegative={false}
            thousandSeparator={thousands}
            decimalSeparator={decimal}
            prefix="$ "
            value={values.capitalUsd}
            onChange={(value) => set('capitalUsd', value)}
            error={errorOf('capitalUsd')}
            data-testid="convert-capital"
          />
          <NumberInput
            label={t('events.convert.expectedJobs')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={thousands}
            decimalSeparator={decimal}
            value={values.expectedJobs}
            onChange={(value) => set('expectedJobs', value)}
            error={errorOf('expectedJobs')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={convert.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={convert.isPending} data-testid="convert-submit">
            {t(`events.convert.submit.${values.kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The item a contact became, as a link to its page. */
export function ConvertedItemLink({
  kind,
  id,
  variant = 'subtle',
  label,
}: {
  kind: PipelineKind;
  id: string;
  variant?: 'subtle' | 'light';
  /** "Prospect" in a table row by default; a page says more. */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={itemPath(kind, id)}
      variant={variant}
      size={variant === 'subtle' ? 'compact-sm' : 'sm'}
      rightSection={<IconArrowRight size={14} aria-hidden />}
      data-testid="converted-item-link"
    >
      {label ?? t(`events.convertedTo.${kind}`)}
    </Button>
  );
}
