import { useState, type FormEvent } from 'react';
import type { LoanApplication, LoanTranche } from '@irm/contracts';
import { LoanApplicationStageKey } from '@irm/domain';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Collapse,
  Modal,
  Group,
  NumberInput,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCoin, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../shared/api';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { ErrorState, notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useMoneyFormat } from '../hooks/use-money-format';
import {
  usePipeline,
  usePlanTranche,
  useSetDocumentReceived,
  useTrancheStep,
  useTranches,
} from '../hooks/use-pipelines';
import { fieldProblemLines, localized } from '../move-check';

function refusal(error: unknown, t: TFunction): string {
  if (isStaleVersion(error)) return t('pipelines.edit.stale');
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.fieldErrors.length > 0) return fieldProblemLines(error.fieldErrors, t).join('\n');
  return error.problem.detail ?? error.problem.title;
}

/** The error without the field messages the form already shows under its inputs. */
function withoutShownFields(error: ApiError, shown: readonly string[]): ApiError {
  const rest = error.fieldErrors.filter((e) => !shown.includes(e.field));
  if (rest.length === error.fieldErrors.length) return error;
  return new ApiError({ ...error.problem, errors: rest });
}

/** A 404 from a panel's endpoint: that part of the loan workflow is not offered (yet). */
const notOffered = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 405);

/**
 * Disbursement: the approved amount, what is planned in tranches and what has been released. Each tranche is tied
 * to a milestone and released only once that milestone is confirmed.
 */
export function LoanTranchesPanel({ application, canChange }: { application: LoanApplication; canChange: boolean }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const tranches = useTranches(application.id);
  const step = useTrancheStep();
  const [planning, setPlanning] = useState(false);
  const approved = application.approvedVnd;
  const ceiling = approved ?? application.requestedVnd;
  const ratio = (value: number) => (ceiling > 0 ? Math.min(100, (value / ceiling) * 100) : 0);

  const [confirming, setConfirming] = useState<LoanTranche | null>(null);
  const run = (tranche: LoanTranche, which: 'confirm' | 'release', progressPct?: number) =>
    step.mutate(
      { tranche, step: which, progressPct },
      {
        onSuccess: () => {
          setConfirming(null);
          notify({
            tone: 'success',
            message: t(which === 'confirm' ? 'pipelines.loan.confirmDone' : 'pipelines.loan.releaseDone', {
              milestone: tranche.milestone,
            }),
          });
        },
        onError: (error) =>
          notify({ tone: 'error', title: t(`pipelines.loan.${which}Failed`), message: refusal(error, t) }),
      },
    );

  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-labelledby="tranches-title"
      data-testid="loan-tranches"
    >
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="lg" id="tranches-title">
          {t('pipelines.loan.tranchesTitle')}
        </Title>
        {canChange && !notOffered(tranches.error) && (
          <Button
            variant="light"
            size="compact-sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setPlanning((open) => !open)}
            data-testid="plan-tranche"
          >
            {t('pipelines.loan.plan')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="md">
        <Figure label={t('pipelines.field.requestedVnd')} value={money.vnd(application.requestedVnd)} />
        <Figure
          label={t('pipelines.field.approvedVnd')}
          value={approved === null ? t('pipelines.notSet') : money.vnd(approved)}
        />
        <Figure label={t('pipelines.loan.planned')} value={money.vnd(application.plannedVnd)} />
        <Figure label={t('pipelines.loan.disbursed')} value={money.vnd(application.disbursedVnd)} strong />
      </SimpleGrid>
      <Tooltip
        label={t('pipelines.loan.progressHint', {
          disbursed: money.vnd(application.disbursedVnd),
          planned: money.vnd(application.plannedVnd),
          ceiling: money.vnd(ceiling),
        })}
        withArrow
      >
        <Progress.Root size="lg" radius="xl" mb="md" aria-label={t('pipelines.loan.disbursed')}>
          <Progress.Section value={ratio(application.disbursedVnd)} color="teal" />
          <Progress.Section
            value={Math.max(0, ratio(application.plannedVnd) - ratio(application.disbursedVnd))}
            color="irm.2"
          />
        </Progress.Root>
      </Tooltip>
      <Collapse expanded={planning}>
        {planning && <PlanTrancheForm application={application} onDone={() => setPlanning(false)} />}
      </Collapse>
      {tranches.isPending ? (
        <Skeleton height={64} />
      ) : notOffered(tranches.error) ? (
        <Text size="sm" c="dimmed" data-testid="tranches-unavailable">
          {t('pipelines.loan.tranchesUnavailable')}
        </Text>
      ) : tranches.isError ? (
        <ErrorState error={tranches.error} onRetry={() => void tranches.refetch()} retrying={tranches.isFetching} />
      ) : tranches.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pipelines.loan.noTranches')}
        </Text>
      ) : (
        <TranchesTable
          tranches={tranches.data}
          canChange={canChange}
          disbursing={application.stageKey === LoanApplicationStageKey.Disbursing}
          busy={step.isPending ? step.variables?.tranche.id : undefined}
          onStep={(tranche, which) => (which === 'confirm' ? setConfirming(tranche) : run(tranche, 'release'))}
        />
      )}
      <ConfirmMilestoneModal
        tranche={confirming}
        pending={step.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={(tranche, progressPct) => run(tranche, 'confirm', progressPct)}
      />
    </Card>
  );
}

/** Confirming a milestone records the project progress reported, at least the milestone's. */
function ConfirmMilestoneModal({
  tranche,
  pending,
  onCancel,
  onConfirm,
}: {
  tranche: LoanTranche | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (tranche: LoanTranche, progressPct: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={tranche !== null}
      onClose={onCancel}
      title={t('pipelines.loan.confirmTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {tranche && (
        <ConfirmMilestoneForm
          key={tranche.id}
          tranche={tranche}
          pending={pending}
          onCancel={onCancel}
          onConfirm={onConfirm}
        />
      )}
    </Modal>
  );
}

function ConfirmMilestoneForm({
  tranche,
  pending,
  onCancel,
  onConfirm,
}: {
  tranche: LoanTranche;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (tranche: LoanTranche, progressPct: number) => void;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | string>(tranche.requiredProgressPct);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (typeof progress !== 'number' || progress < tranche.requiredProgressPct || progress > 100) {
      setError(t('pipelines.loan.progressBelow', { percent: tranche.requiredProgressPct }));
      return;
    }
    onConfirm(tranche, progress);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="confirm-milestone-form">
      <Stack gap="md">
        <Text size="sm">{t('pipelines.loan.confirmMessage', { milestone: tranche.milestone })}</Text>
        <NumberInput
          label={t('pipelines.loan.reportedProgress')}
          required
          suffix=" %"
          min={0}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          data-autofocus
          value={progress}
          onChange={(value) => {
            setProgress(value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('pipelines.loan.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TranchesTable({
  tranches,
  canChange,
  disbursing,
  busy,
  onStep,
}: {
  tranches: LoanTranche[];
  canChange: boolean;
  /** Money is released only while the application is in "Disbursing". */
  disbursing: boolean;
  busy: string | undefined;
  onStep: (tranche: LoanTranche, step: 'confirm' | 'release') => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  return (
    <Table.ScrollContainer minWidth={620} type="native">
      <Table verticalSpacing="xs" data-testid="tranches-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('pipelines.loan.milestone')}</Table.Th>
            <Table.Th ta="right">{t('pipelines.loan.amount')}</Table.Th>
            <Table.Th>{t('pipelines.loan.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...tranches]
            .sort((a, b) => a.sequence - b.sequence)
            .map((tranche) => (
              <Table.Tr key={tranche.id} data-testid="tranche-row">
                <Table.Td>{tranche.sequence}</Table.Td>
                <Table.Td>
                  <Text size="sm">{tranche.milestone}</Text>
                  <Text size="xs" c="dimmed">
                    {t('pipelines.loan.progressAt', { percent: tranche.requiredProgressPct })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {money.vnd(tranche.amountVnd)}
                </Table.Td>
                <Table.Td>
                  <TrancheStatus tranche={tranche} />
                </Table.Td>
                <Table.Td ta="right">
                  {canChange && !tranche.releasedAt && (
                    <Tooltip
                      label={t('pipelines.loan.releaseWhenDisbursing')}
                      disabled={!tranche.confirmedAt || disbursing}
                      withArrow
                    >
                      <Button
                        size="compact-sm"
                        variant={tranche.confirmedAt ? 'filled' : 'default'}
                        leftSection={
                          tranche.confirmedAt ? <IconCoin size={14} aria-hidden /> : <IconCheck size={14} aria-hidden />
                        }
                        loading={busy === tranche.id}
                        disabled={busy !== undefined && busy !== tranche.id}
                        // Looks disabled but keeps its tooltip (a disabled button gets no hover) to say when it works.
                        data-disabled={(!!tranche.confirmedAt && !disbursing) || undefined}
                        onClick={() => {
                          if (tranche.confirmedAt && !disbursing) return;
                          onStep(tranche, tranche.confirmedAt ? 'release' : 'confirm');
                        }}
                        data-testid={tranche.confirmedAt ? 'release-tranche' : 'confirm-tranche'}
                      >
                        {tranche.confirmedAt ? t('pipelines.loan.release') : t('pipelines.loan.confirm')}
                      </Button>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrancheStatus({ tranche }: { tranche: LoanTranche }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [color, label, when, by] = tranche.releasedAt
    ? ['teal', t('pipelines.loan.released'), tranche.releasedAt, tranche.releasedByName]
    : tranche.confirmedAt
      ? ['irm', t('pipelines.loan.confirmed'), tranche.confirmedAt, tranche.confirmedByName]
      : ['gray', t('pipelines.loan.waiting'), null, null];
  return (
    <Stack gap={2}>
      <Badge color={color} variant="light" radius="sm" tt="none" w="fit-content">
        {label}
      </Badge>
      {when && (
        <Text size="xs" c="dimmed">
          {format.date(when)}
          {by ? ` · ${by}` : ''}
        </Text>
      )}
    </Stack>
  );
}

function PlanTrancheForm({ application, onDone }: { application: LoanApplication; onDone: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const plan = usePlanTranche(application);
  const [milestone, setMilestone] = useState('');
  const [progress, setProgress] = useState<number | string>('');
  const [amount, setAmount] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const numberFormat =
    language === 'vi' ? { decimalSeparator: ',', thousandSeparator: '.' } : { thousandSeparator: ',' };
  const serverError = (name: string) => (isApiError(plan.error) ? plan.error.fieldError(name) : undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      milestone: milestone.trim() ? undefined : t('pipelines.loan.milestoneRequired'),
      requiredProgressPct:
        typeof progress === 'number' && progress > 0 && progress <= 100
          ? undefined
          : t('pipelines.loan.progressInvalid'),
      amountVnd:
        typeof amount === 'number' && amount > 0 && Number.isInteger(amount)
          ? undefined
          : t('pipelines.form.amountInvalid'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    plan.mutate(
      { milestone: milestone.trim(), requiredProgressPct: progress as number, amountVnd: amount as number },
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
          <Alert color="red" variant="light" role="alert" title={t('pipelines.loan.planFailed')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {refusal(
                isApiError(plan.error)
                  ? withoutShownFields(plan.error, ['milestone', 'requiredProgressPct', 'amountVnd'])
                  : plan.error,
                t,
              )}
            </Text>
          </Alert>
        )}
        <TextInput
          label={t('pipelines.loan.milestone')}
          required
          data-autofocus
          value={milestone}
          onChange={(event) => setMilestone(event.currentTarget.value)}
          error={errors.milestone ?? serverError('milestone')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('pipelines.loan.requiredProgress')}
            required
            suffix=" %"
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            value={progress}
            onChange={setProgress}
            error={errors.requiredProgressPct ?? serverError('requiredProgressPct')}
          />
          <NumberInput
            label={t('pipelines.loan.amount')}
            required
            suffix=" ₫"
            allowDecimal={false}
            allowNegative={false}
            {...numberFormat}
            value={amount}
            onChange={setAmount}
            error={errors.amountVnd ?? serverError('amountVnd')}
          />
        </SimpleGrid>
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

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** The application's documents: which are on file, and which the next stages will require. */
export function LoanDocumentsPanel({ application, canChange }: { application: LoanApplication; canChange: boolean }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const { pipeline } = usePipeline(application.kind);
  const setReceived = useSetDocumentReceived(application);
  const stageName = (key: string | null) => {
    const stage = key ? pipeline?.stages.find((s) => s.key === key) : undefined;
    return stage ? localized(stage.name, language) : null;
  };
  const received = application.documents.filter((doc) => doc.receivedAt).length;

  const toggle = (key: string, next: boolean) =>
    setReceived.mutate(
      { key, received: next },
      {
        onError: (error) =>
          notify({
            tone: 'error',
            title: t('pipelines.loan.documentFailed'),
            message: notOffered(error) ? t('pipelines.loan.documentsUnavailable') : refusal(error, t),
          }),
      },
    );

  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-labelledby="documents-title"
      data-testid="loan-documents"
    >
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="lg" id="documents-title">
          {t('pipelines.loan.documentsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('pipelines.loan.documentsCount', { received, total: application.documents.length })}
        </Text>
      </Group>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {application.documents.map((doc) => {
          const from = stageName(doc.requiredFromStage);
          const missingNow = !doc.receivedAt && doc.requiredNow;
          return (
            <Group
              key={doc.key}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              data-testid="document-row"
              data-document-key={doc.key}
            >
              <Checkbox
                checked={!!doc.receivedAt}
                // The current stage needs a received document: it cannot be taken off the file here.
                disabled={
                  !canChange ||
                  (!!doc.receivedAt && doc.requiredNow) ||
                  (setReceived.isPending && setReceived.variables?.key === doc.key)
                }
                onChange={(event) => toggle(doc.key, event.currentTarget.checked)}
                label={
                  <Text size="sm" fw={500}>
                    {localized(doc.name, language)}
                  </Text>
                }
                description={
                  doc.receivedAt
                    ? t('pipelines.loan.receivedBy', {
                        date: format.date(doc.receivedAt),
                        name: doc.receivedByName ?? '—',
                      })
                    : from
                      ? t('pipelines.loan.requiredFrom', { stage: from })
                      : t('pipelines.loan.optional')
                }
              />
              {missingNow && (
                <Badge color="red" variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
                  {t('pipelines.loan.missing')}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
