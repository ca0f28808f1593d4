import { useState, type FormEvent } from 'react';
import type { LoanApplication, LoanTranche } from '@irm/contracts';
import { LoanApplicationStageKey, trancheProblems, type LoanFacts, type TrancheFacts } from '@irm/domain';
import {
  ActionIcon,
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
  Text,
  ThemeIcon,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCoin, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { ConfirmModal, ErrorState, notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { useMoneyFormat } from '../hooks/use-money-format';
import {
  usePipeline,
  useRemoveTranche,
  useSetDocumentReceived,
  useTrancheStep,
  useTranches,
} from '../hooks/use-pipelines';
import { fieldProblemLines, localized } from '../move-check';
import { EditTrancheModal, PlanTrancheForm, trancheRefusal } from './LoanTrancheForms';

function refusal(error: unknown, t: TFunction): string {
  if (isStaleVersion(error)) return t('pipelines.edit.stale');
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.fieldErrors.length > 0) return fieldProblemLines(error.fieldErrors, t).join('\n');
  return error.problem.detail ?? error.problem.title;
}

/** A 404 from a panel's endpoint: that part of the loan workflow is not offered (yet). */
const notOffered = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 405);

const loanFacts = (application: LoanApplication): LoanFacts => ({
  approvedVnd: application.approvedVnd,
  plannedVnd: application.plannedVnd,
  disbursedVnd: application.disbursedVnd,
  stageKey: application.stageKey,
  closed: application.closedAt !== null,
});

const trancheFacts = (tranche: LoanTranche): TrancheFacts => ({
  amountVnd: tranche.amountVnd,
  requiredProgressPct: tranche.requiredProgressPct,
  confirmed: tranche.confirmedAt !== null,
  released: tranche.releasedAt !== null,
});

/**
 * What the server would let a person do to a tranche, by the same rules: a tranche changes and goes until its money
 * is released (once its milestone is confirmed, only its amount changes), and nothing changes once the application
 * is closed.
 */
function trancheChanges(application: LoanApplication, tranche: LoanTranche) {
  const facts = loanFacts(application);
  return {
    edit: trancheProblems(facts, { kind: 'change', tranche: trancheFacts(tranche) }).length === 0,
    remove: trancheProblems(facts, { kind: 'remove', tranche: trancheFacts(tranche) }).length === 0,
  };
}

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
  // By id: after a refresh the dialogs work on the tranche as it is now (its current version).
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const current = (id: string | null) => (id ? (tranches.data?.find((tranche) => tranche.id === id) ?? null) : null);
  const editing = current(editingId);
  const removing = current(removingId);
  const remove = useRemoveTranche();
  const confirmRemove = (tranche: LoanTranche) =>
    remove.mutate(tranche, {
      onSuccess: () =>
        notify({ tone: 'success', message: t('pipelines.loan.removeDone', { sequence: tranche.sequence }) }),
      onError: (error) =>
        notify({
          tone: 'error',
          title: t('pipelines.loan.removeFailed'),
          message: trancheRefusal(error, t, money, application, tranche) ?? t('errors.unexpected'),
        }),
      onSettled: () => setRemovingId(null),
    });
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
        <TranchesList
          tranches={tranches.data}
          canChange={canChange}
          changes={(tranche) => trancheChanges(application, tranche)}
          disbursing={application.stageKey === LoanApplicationStageKey.Disbursing}
          busy={step.isPending ? step.variables?.tranche.id : undefined}
          onStep={(tranche, which) => (which === 'confirm' ? setConfirming(tranche) : run(tranche, 'release'))}
          onEdit={(tranche) => setEditingId(tranche.id)}
          onRemove={(tranche) => setRemovingId(tranche.id)}
        />
      )}
      <EditTrancheModal application={application} tranche={editing} onClose={() => setEditingId(null)} />
      <ConfirmModal
        opened={removing !== null}
        title={t('pipelines.loan.removeTitle', { sequence: removing?.sequence ?? '' })}
        message={t('pipelines.loan.removeConfirm', {
          milestone: removing?.milestone ?? '',
          amount: removing ? money.vnd(removing.amountVnd) : '',
        })}
        confirmLabel={t('pipelines.loan.remove')}
        destructive
        pending={remove.isPending}
        onClose={() => setRemovingId(null)}
        onConfirm={() => removing && confirmRemove(removing)}
      />
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

/** The tranches in order, one row each: milestone and amount, then where it stands and what can be done with it. */
function TranchesList({
  tranches,
  canChange,
  changes,
  disbursing,
  busy,
  onStep,
  onEdit,
  onRemove,
}: {
  tranches: LoanTranche[];
  canChange: boolean;
  /** Whether the rules let this tranche be edited or removed (for someone who may change the application). */
  changes: (tranche: LoanTranche) => { edit: boolean; remove: boolean };
  /** Money is released only while the application is in "Disbursing". */
  disbursing: boolean;
  busy: string | undefined;
  onStep: (tranche: LoanTranche, step: 'confirm' | 'release') => void;
  onEdit: (tranche: LoanTranche) => void;
  onRemove: (tranche: LoanTranche) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  return (
    <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid="tranches-list">
      {[...tranches]
        .sort((a, b) => a.sequence - b.sequence)
        .map((tranche) => {
          const allowed = canChange ? changes(tranche) : { edit: false, remove: false };
          return (
            <Stack
              component="li"
              key={tranche.id}
              gap={8}
              py="sm"
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              data-testid="tranche-row"
              data-sequence={tranche.sequence}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Group gap="sm" align="flex-start" wrap="nowrap" miw={0}>
                  <ThemeIcon variant="light" color="gray" radius="xl" size={26} aria-hidden>
                    <Text span size="xs" fw={700}>
                      {tranche.sequence}
                    </Text>
                  </ThemeIcon>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      <VisuallyHidden>
                        {t('pipelines.loan.trancheNumber', { sequence: tranche.sequence })}{' '}
                      </VisuallyHidden>
                      {tranche.milestone}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('pipelines.loan.progressAt', { percent: tranche.requiredProgressPct })}
                      {tranche.milestoneDueOn && !tranche.confirmedAt && (
                        <span data-testid="tranche-due-on">
                          {' · '}
                          {t('pipelines.loan.milestoneDueBy', { date: format.date(tranche.milestoneDueOn) })}
                        </span>
                      )}
                    </Text>
                  </div>
                </Group>
                <Text
                  size="sm"
                  fw={600}
                  style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                  data-testid="tranche-amount"
                >
                  {money.vnd(tranche.amountVnd)}
                </Text>
              </Group>
              <Group justify="space-between" align="center" wrap="wrap" gap="xs" pl={38}>
                <TrancheStatus tranche={tranche} />
                <Group gap={4} wrap="nowrap" ml="auto">
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
                  {allowed.edit && (
                    <Tooltip label={t('pipelines.loan.edit')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => onEdit(tranche)}
                        aria-label={t('pipelines.loan.editOne', { sequence: tranche.sequence })}
                        data-testid="edit-tranche"
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {allowed.remove && (
                    <Tooltip label={t('pipelines.loan.remove')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => onRemove(tranche)}
                        aria-label={t('pipelines.loan.removeOne', { sequence: tranche.sequence })}
                        data-testid="remove-tranche"
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            </Stack>
          );
        })}
    </Stack>
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
    <Group gap={6} wrap="wrap" miw={0}>
      <Badge color={color} variant="light" radius="sm" tt="none">
        {label}
      </Badge>
      {when && (
        <Text size="xs" c="dimmed">
          {format.date(when)}
          {by ? ` · ${by}` : ''}
        </Text>
      )}
    </Group>
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
      {application.documentsDueOn && (
        <Text size="sm" mb="sm" data-testid="documents-due-on">
          {t('pipelines.loan.documentsDueBy', { date: format.date(application.documentsDueOn) })}
        </Text>
      )}
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
