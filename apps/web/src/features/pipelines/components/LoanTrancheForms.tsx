import { useState, type FormEvent } from 'react';
import type { FieldError, LoanApplication, LoanTranche } from '@irm/contracts';
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useMoneyFormat, type MoneyFormat } from '../hooks/use-money-format';
import { usePlanTranche, useUpdateTranche } from '../hooks/use-pipelines';
import { fieldProblemLines } from '../move-check';

const TRANCHE_FIELDS = ['milestone', 'requiredProgressPct', 'amountVnd', 'milestoneDueOn'] as const;
type TrancheField = (typeof TRANCHE_FIELDS)[number];

interface TrancheValues {
  milestone: string;
  requiredProgressPct: number | string;
  amountVnd: number | string;
  /** `YYYY-MM-DD`, or empty. */
  milestoneDueOn: string;
}

type TrancheErrors = Partial<Record<TrancheField, string>>;

/** What may still be planned for `tranche` (or a new one) before the tranches reach the approved amount. */
function plannableVnd(application: LoanApplication, tranche?: LoanTranche): number {
  const others = application.plannedVnd - (tranche?.amountVnd ?? 0);
  return Math.max(0, (application.approvedVnd ?? 0) - others);
}

/** A tranche rule the server refused, in the reader's language when the rule is known (the server writes English). */
function knownProblemText({ field, message }: FieldError, t: TFunction, maxAmount: string): string | null {
  if (field === 'releasedAt') return t('pipelines.loan.refused.released');
  if ((field === 'milestone' || field === 'requiredProgressPct') && message.includes('confirmed'))
    return t('pipelines.loan.refused.milestoneConfirmed');
  if (field === 'stageId' && message.includes('closed')) return t('pipelines.loan.refused.closed');
  if (field === 'approvedVnd') return t('pipelines.loan.refused.notApproved');
  if (field === 'amountVnd' && message.startsWith('exceeds'))
    return t('pipelines.loan.refused.aboveApproved', { amount: maxAmount });
  return null;
}

/**
 * Why a change to a tranche (or its removal) was refused, as something a person can act on; null when the form
 * shows every reason under its inputs. A stale version or a tranche that is gone means the panel was out of date:
 * it is refreshed by then, so the message says to look again.
 */
export function trancheRefusal(
  error: unknown,
  t: TFunction,
  money: MoneyFormat,
  application: LoanApplication,
  tranche?: LoanTranche,
  /** Fields the form already shows under its inputs. */
  shown: readonly string[] = [],
): string | null {
  if (isStaleVersion(error)) return t('pipelines.loan.refused.stale');
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.status === 404 && tranche) return t('pipelines.loan.refused.gone');
  const maxAmount = money.vnd(plannableVnd(application, tranche));
  const problems = error.fieldErrors.filter((problem) => !shown.includes(problem.field));
  if (problems.length > 0)
    return problems
      .map((problem) => knownProblemText(problem, t, maxAmount) ?? fieldProblemLines([problem], t)[0])
      .join('\n');
  if (error.fieldErrors.length > 0) return null;
  return error.problem.detail ?? error.problem.title;
}

/** The server's message for a field the form shows under that input. */
function fieldRefusal(
  error: unknown,
  field: TrancheField,
  t: TFunction,
  money: MoneyFormat,
  application: LoanApplication,
  tranche?: LoanTranche,
): string | undefined {
  if (!isApiError(error)) return undefined;
  const problem = error.fieldErrors.find((candidate) => candidate.field === field);
  if (!problem) return undefined;
  return knownProblemText(problem, t, money.vnd(plannableVnd(application, tranche))) ?? error.fieldError(field);
}

function validate(values: TrancheValues, t: TFunction): TrancheErrors {
  const { milestone, requiredProgressPct: progress, amountVnd: amount } = values;
  return {
    milestone: milestone.trim() ? undefined : t('pipelines.loan.milestoneRequired'),
    requiredProgressPct:
      typeof progress === 'number' && Number.isInteger(progress) && progress > 0 && progress <= 100
        ? undefined
        : t('pipelines.loan.progressInvalid'),
    amountVnd:
      typeof amount === 'number' && amount > 0 && Number.isInteger(amount)
        ? undefined
        : t('pipelines.form.amountInvalid'),
  };
}

/** Milestone, the project progress it stands for and the amount; a confirmed milestone keeps its first two. */
function TrancheFields({
  values,
  errors,
  milestoneLocked,
  onChange,
}: {
  values: TrancheValues;
  errors: TrancheErrors;
  milestoneLocked?: boolean;
  onChange: <K extends keyof TrancheValues>(field: K, value: TrancheValues[K]) => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const numberFormat =
    language === 'vi' ? { decimalSeparator: ',', thousandSeparator: '.' } : { thousandSeparator: ',' };
  return (
    <>
      <TextInput
        label={t('pipelines.loan.milestone')}
        required
        data-autofocus={!milestoneLocked || undefined}
        disabled={milestoneLocked}
        maxLength={500}
        value={values.milestone}
        onChange={(event) => onChange('milestone', event.currentTarget.value)}
        error={errors.milestone}
        data-testid="tranche-milestone"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('pipelines.loan.requiredProgress')}
          required
          disabled={milestoneLocked}
          suffix=" %"
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          value={values.requiredProgressPct}
          onChange={(value) => onChange('requiredProgressPct', value)}
          error={errors.requiredProgressPct}
          data-testid="tranche-progress"
        />
        <NumberInput
          label={t('pipelines.loan.amount')}
          required
          data-autofocus={milestoneLocked || undefined}
          suffix=" ₫"
          allowDecimal={false}
          allowNegative={false}
          {...numberFormat}
          value={values.amountVnd}
          onChange={(value) => onChange('amountVnd', value)}
          error={errors.amountVnd}
          data-testid="tranche-amount"
        />
      </SimpleGrid>
      <TextInput
        type="date"
        label={t('pipelines.loan.milestoneDueOn')}
        description={t('pipelines.loan.milestoneDueOnHint')}
        value={values.milestoneDueOn}
        onChange={(event) => onChange('milestoneDueOn', event.currentTarget.value)}
        error={errors.milestoneDueOn}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        data-testid="tranche-due-on"
      />
    </>
  );
}

function useTrancheValues(initial: TrancheValues) {
  const [values, setValues] = useState<TrancheValues>(initial);
  const [errors, setErrors] = useState<TrancheErrors>({});
  const change = <K extends keyof TrancheValues>(field: K, value: TrancheValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  return { values, errors, setErrors, change };
}

function RefusalAlert({ title, message }: { title: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title} data-testid="tranche-refusal">
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {message}
      </Text>
    </Alert>
  );
}

/** Plans a new tranche within the approved amount (inline, under the disbursement figures). */
export function PlanTrancheForm({ application, onDone }: { application: LoanApplication; onDone: () => void }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const plan = usePlanTranche(application);
  const { values, errors, setErrors, change } = useTrancheValues({
    milestone: '',
    requiredProgressPct: '',
    amountVnd: '',
    milestoneDueOn: '',
  });
  const serverError = (field: TrancheField) => fieldRefusal(plan.error, field, t, money, application);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values, t);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    plan.mutate(
      {
        milestone: values.milestone.trim(),
        requiredProgressPct: values.requiredProgressPct as number,
        amountVnd: values.amountVnd as number,
        milestoneDueOn: values.milestoneDueOn || null,
      },
      {
        onSuccess: () => {
          notify({ tone: 'success', message: t('pipelines.loan.planDone') });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="plan-tranche-form">
      <Stack gap="sm" mb="md" p="md" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
        {plan.error != null && (
          <RefusalAlert
            title={t('pipelines.loan.planFailed')}
            message={trancheRefusal(plan.error, t, money, application, undefined, TRANCHE_FIELDS)}
          />
        )}
        <TrancheFields
          values={values}
          errors={{
            milestone: errors.milestone ?? serverError('milestone'),
            requiredProgressPct: errors.requiredProgressPct ?? serverError('requiredProgressPct'),
            amountVnd: errors.amountVnd ?? serverError('amountVnd'),
            milestoneDueOn: serverError('milestoneDueOn'),
          }}
          onChange={change}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={plan.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={plan.isPending}>
            {t('pipelines.loan.planSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Changes a tranche that is not released yet. Once its milestone is confirmed only the amount can change (the
 * server's rule); the tranche's version guards against overwriting someone else's change.
 */
export function EditTrancheModal({
  application,
  tranche,
  onClose,
}: {
  application: LoanApplication;
  /** The dialog is closed when null. */
  tranche: LoanTranche | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={tranche !== null}
      onClose={onClose}
      title={tranche ? t('pipelines.loan.editTitle', { sequence: tranche.sequence }) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {tranche && <EditTrancheForm key={tranche.id} application={application} tranche={tranche} onDone={onClose} />}
    </Modal>
  );
}

function EditTrancheForm({
  application,
  tranche,
  onDone,
}: {
  application: LoanApplication;
  tranche: LoanTranche;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const update = useUpdateTranche();
  const confirmed = tranche.confirmedAt !== null;
  const { values, errors, setErrors, change } = useTrancheValues({
    milestone: tranche.milestone,
    requiredProgressPct: tranche.requiredProgressPct,
    amountVnd: tranche.amountVnd,
    milestoneDueOn: tranche.milestoneDueOn ?? '',
  });
  const serverError = (field: TrancheField) => fieldRefusal(update.error, field, t, money, application, tranche);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values, t);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const milestone = values.milestone.trim();
    const changes = {
      ...(milestone !== tranche.milestone && { milestone }),
      ...(values.requiredProgressPct !== tranche.requiredProgressPct && {
        requiredProgressPct: values.requiredProgressPct as number,
      }),
      ...(values.amountVnd !== tranche.amountVnd && { amountVnd: values.amountVnd as number }),
      ...((values.milestoneDueOn || null) !== tranche.milestoneDueOn && {
        milestoneDueOn: values.milestoneDueOn || null,
      }),
    };
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { tranche, changes },
      {
        onSuccess: () => {
          notify({ tone: 'success', message: t('pipelines.loan.editDone', { sequence: tranche.sequence }) });
          onDone();
        },
        onError: (error) => {
          // Changed or removed by someone else: the refreshed panel shows it as it is now; start again from there.
          if (isStaleVersion(error) || (isApiError(error) && error.status === 404)) {
            notify({
              tone: 'error',
              title: t('pipelines.loan.editFailed'),
              message: trancheRefusal(error, t, money, application, tranche) ?? t('errors.unexpected'),
            });
            onDone();
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="edit-tranche-form">
      <Stack gap="md">
        {confirmed && (
          <Text size="sm" c="dimmed">
            {t('pipelines.loan.confirmedAmountOnly')}
          </Text>
        )}
        {update.error != null && (
          <RefusalAlert
            title={t('pipelines.loan.editFailed')}
            message={trancheRefusal(update.error, t, money, application, tranche, TRANCHE_FIELDS)}
          />
        )}
        <TrancheFields
          values={values}
          milestoneLocked={confirmed}
          errors={{
            milestone: errors.milestone ?? serverError('milestone'),
            requiredProgressPct: errors.requiredProgressPct ?? serverError('requiredProgressPct'),
            amountVnd: errors.amountVnd ?? serverError('amountVnd'),
            milestoneDueOn: serverError('milestoneDueOn'),
          }}
          onChange={change}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="edit-tranche-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
