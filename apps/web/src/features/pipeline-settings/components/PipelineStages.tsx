import { useState, type DragEvent } from 'react';
import type { Pipeline, Stage } from '@irm/contracts';
import { Alert, Box, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { isRuleStage } from '@irm/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { ConfirmModal, notify } from '../../../shared/ui';
import { useDeleteStage, useReorderStages, useRestoreStage, useStageUsage } from '../hooks/use-pipeline-settings';
import { AddStageModal } from './AddStageModal';
import { RetireStageModal } from './RetireStageModal';
import { StageEditForm } from './StageEditForm';
import { stageProblemMessage } from './stage-problems';
import { shownPublicLabel } from './public-labels';
import { StageProblemAlert } from './StageProblemAlert';
import { StageListHeader, StageRow } from './StageRow';

/** One pipeline's stages in order, with everything a manager may do to them. */
export function PipelineStages({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const usage = useStageUsage(pipeline.id);
  const reorder = useReorderStages(pipeline);
  const restore = useRestoreStage(pipeline.id);
  const remove = useDeleteStage(pipeline.id);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [retiringId, setRetiringId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);
  // Dialogs follow the stage by id, so a reloaded stage (new version) reaches them.
  const byId = (id: string | null) => pipeline.stages.find((stage) => stage.id === id) ?? null;
  const retiring = byId(retiringId);
  const deleting = byId(deletingId);
  const stages = pipeline.stages;
  const retiredCount = stages.filter((stage) => stage.retiredAt).length;
  const busy = reorder.isPending;

  const saveOrder = (stageIds: string[]) => {
    reorder.reset();
    reorder.mutate(stageIds, {
      onSuccess: () => notify({ tone: 'success', message: t('pipelineSettings.reordered') }),
    });
  };

  const move = (stage: Stage, delta: -1 | 1) => {
    const ids = stages.map((candidate) => candidate.id);
    const from = ids.indexOf(stage.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    saveOrder(ids);
  };

  /** Drops the dragged stage where `target` is, pushing `target` and the rest down (or up, dragging downwards). */
  const dropOn = (target: Stage) => {
    if (!dragId || dragId === target.id) return;
    const ids = stages.map((candidate) => candidate.id).filter((id) => id !== dragId);
    const at = ids.indexOf(target.id);
    const from = stages.findIndex((candidate) => candidate.id === dragId);
    ids.splice(from <= at ? at + 1 : at, 0, dragId);
    saveOrder(ids);
  };

  const dragProps = (stage: Stage) => ({
    dragging: dragId === stage.id,
    dropTarget: dropId === stage.id && dragId !== stage.id,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', stage.id);
      setDragId(stage.id);
    },
    onDragOver: (event: DragEvent) => {
      if (!dragId) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (dropId !== stage.id) setDropId(stage.id);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      dropOn(stage);
      setDragId(null);
      setDropId(null);
    },
    onDragEnd: () => {
      setDragId(null);
      setDropId(null);
    },
  });

  return (
    <Card withBorder radius="lg" padding={0} data-testid="pipeline-stages" data-pipeline-kind={pipeline.kind}>
      <Group justify="space-between" align="center" p="md" gap="sm" wrap="wrap">
        <div>
          <Title order={2} fz="lg">
            {pipeline.name[language]}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pipelineSettings.stageCount', { count: stages.length - retiredCount })}
            {retiredCount > 0 && ` · ${t('pipelineSettings.retiredCount', { count: retiredCount })}`}
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="add-stage"
        >
          {t('pipelineSettings.add')}
        </Button>
      </Group>
      {(reorder.error || restore.error) && (
        <Box px="md" pb="md">
          <StageProblemAlert error={reorder.error ?? restore.error} title={t('pipelineSettings.actionFailed')} />
        </Box>
      )}
      {usage.isError && (
        <Box px="md" pb="md">
          <Alert color="orange" variant="light">
            {stageProblemMessage(usage.error, t)}
          </Alert>
        </Box>
      )}
      <StageListHeader />
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={pipeline.name[language]}>
        {stages.map((stage, index) =>
          editingId === stage.id ? (
            <Box component="li" key={stage.id} p="sm">
              <StageEditForm
                pipelineId={pipeline.id}
                stage={stage}
                stages={stages}
                usage={usage.data?.get(stage.id)}
                ruleStage={isRuleStage(pipeline.kind, stage.key)}
                onDone={() => setEditingId(null)}
              />
            </Box>
          ) : (
            <StageRow
              key={stage.id}
              stage={stage}
              publicLabel={shownPublicLabel(stage, stages)}
              index={index}
              count={stages.length}
              usage={usage.data?.get(stage.id)}
              ruleStage={isRuleStage(pipeline.kind, stage.key)}
              busy={busy}
              onMove={(delta) => move(stage, delta)}
              onEdit={() => setEditingId(stage.id)}
              onRetire={() => setRetiringId(stage.id)}
              onRestore={() => {
                restore.reset();
                restore.mutate(stage, {
                  onSuccess: (restored) =>
                    notify({
                      tone: 'success',
                      message: t('pipelineSettings.restored', { name: restored.name[language] }),
                    }),
                });
              }}
              onDelete={() => setDeletingId(stage.id)}
              {...dragProps(stage)}
            />
          ),
        )}
      </Box>
      <AddStageModal pipeline={pipeline} opened={adding} onClose={() => setAdding(false)} />
      <RetireStageModal
        pipeline={pipeline}
        stage={retiring}
        usage={retiring ? usage.data?.get(retiring.id) : undefined}
        onClose={() => setRetiringId(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={deleting ? t('pipelineSettings.deleteTitle', { name: deleting.name[language] }) : ''}
        message={t('pipelineSettings.deleteBody')}
        confirmLabel={t('pipelineSettings.deleteConfirm')}
        destructive
        pending={remove.isPending}
        onClose={() => {
          remove.reset();
          setDeletingId(null);
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notify({ tone: 'success', message: t('pipelineSettings.deleted', { name: deleting.name[language] }) });
              setDeletingId(null);
            },
          })
        }
      >
        <StageProblemAlert error={remove.error} title={t('pipelineSettings.actionFailed')} />
      </ConfirmModal>
    </Card>
  );
}
