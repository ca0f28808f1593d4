import { StageType } from '@irm/contracts';
import { Grid, NumberInput, Select, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { stageRuleOf } from './stage-problems';

const MAX_SLA = 250;

export interface StageFormValues {
  nameVi: string;
  nameEn: string;
  type: StageType;
  /** Empty for no SLA. */
  sla: number | '';
}

export type StageFormErrors = Partial<Record<'nameVi' | 'nameEn' | 'sla', string>>;

/** What the person typed, checked before it is sent; the server checks the same and more. */
export function validateStageForm(values: StageFormValues, t: TFunction): StageFormErrors {
  const errors: StageFormErrors = {};
  if (!values.nameVi.trim()) errors.nameVi = t('pipelineSettings.nameRequired');
  if (!values.nameEn.trim()) errors.nameEn = t('pipelineSettings.nameRequired');
  if (values.sla !== '' && (!Number.isInteger(values.sla) || values.sla < 1 || values.sla > MAX_SLA))
    errors.sla = t('pipelineSettings.slaInvalid');
  return errors;
}

export function slaOf(values: StageFormValues): number | null {
  return values.type === StageType.Open && values.sla !== '' ? values.sla : null;
}

interface StageFieldsProps {
  values: StageFormValues;
  onChange: (values: StageFormValues) => void;
  errors: StageFormErrors;
  /** The last refusal from the server: a name clash is shown under the names. */
  serverError: unknown;
  /** Why the type may not change, when it may not. */
  typeLockedReason?: string;
  /** Said under the SLA, e.g. how many items a change recomputes. */
  slaDescription?: string;
  autoFocus?: boolean;
  /** Four fields side by side on wide screens (a row being edited), or two (a dialog). */
  columns?: 2 | 4;
}

/** Names in both languages, type and SLA of a stage: the fields of the add dialog and of a row being edited. */
export function StageFields({
  values,
  onChange,
  errors,
  serverError,
  typeLockedReason,
  slaDescription,
  autoFocus,
  columns = 2,
}: StageFieldsProps) {
  const { t } = useTranslation();
  const duplicate = stageRuleOf(serverError) === 'duplicate_name';
  const serverField = (field: string) =>
    isApiError(serverError) && serverError.fieldErrors.some((error) => error.field === field)
      ? duplicate
        ? t('pipelineSettings.duplicateName')
        : serverError.fieldError(field)
      : undefined;
  const closed = values.type !== StageType.Open;
  const span = columns === 4 ? { base: 12, sm: 6, lg: 3 } : { base: 12, sm: 6 };
  const set = (patch: Partial<StageFormValues>) => onChange({ ...values, ...patch });

  return (
    <Grid gap="sm" align="flex-start">
      <Grid.Col span={span}>
        <TextInput
          label={t('pipelineSettings.nameVi')}
          required
          autoFocus={autoFocus}
          value={values.nameVi}
          onChange={(event) => set({ nameVi: event.currentTarget.value })}
          error={errors.nameVi ?? serverField('nameVi')}
          maxLength={80}
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <TextInput
          label={t('pipelineSettings.nameEn')}
          required
          value={values.nameEn}
          onChange={(event) => set({ nameEn: event.currentTarget.value })}
          error={errors.nameEn ?? serverField('nameEn')}
          maxLength={80}
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <Select
          label={t('pipelineSettings.type')}
          data={Object.values(StageType).map((type) => ({ value: type, label: t(`pipelineSettings.types.${type}`) }))}
          value={values.type}
          onChange={(type) => type && set({ type: type as StageType, sla: type === StageType.Open ? values.sla : '' })}
          allowDeselect={false}
          disabled={Boolean(typeLockedReason)}
          description={
            typeLockedReason
              ? t('pipelineSettings.typeLocked', { reason: typeLockedReason })
              : t(`pipelineSettings.typeHints.${values.type}`)
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={serverField('type')}
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <NumberInput
          label={t('pipelineSettings.sla')}
          description={closed ? t('pipelineSettings.slaClosedHint') : (slaDescription ?? t('pipelineSettings.slaHint'))}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          placeholder={t('pipelineSettings.noSla')}
          disabled={closed}
          value={closed ? '' : values.sla}
          onChange={(value) => set({ sla: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
          allowDecimal={false}
          allowNegative={false}
          min={1}
          max={MAX_SLA}
          clampBehavior="none"
          error={errors.sla ?? serverField('slaWorkingDays')}
        />
      </Grid.Col>
    </Grid>
  );
}
