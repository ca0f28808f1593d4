import { useState } from 'react';
import type { Pipeline, Stage, StageUsage } from '@irm/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import { retirementTargets } from '@irm/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { useRetireStage } from '../hooks/use-pipeline-settings';
import { StageProblemAlert } from './StageProblemAlert';

interface RetireStageModalProps {
  pipeline: Pipeline;
  /** The stage to retire, or null when the dialog is closed. */
  stage: Stage | null;
  usage: StageUsage | undefined;
  onClose: () => void;
}

/** Retiring a stage: how many items it holds, and the stage they move to (only those the rules allow). */
export function RetireStageModal({ pipeline, stage, usage, onClose }: RetireStageModalProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const retire = useRetireStage(pipeline.id);
  const close = () => {
    retire.reset();
    onClose();
  };
  return (
    <Modal
      opened={stage !== null}
      onClose={close}
      title={stage ? t('pipelineSettings.retireTitle', { name: stage.name[language] }) : ''}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {stage && (
        <RetireStageForm
          key={stage.id}
          pipeline={pipeline}
          stage={stage}
          usage={usage}
          retire={retire}
          onDone={close}
        />
      )}
    </Modal>
  );
}

function RetireStageForm({
  pipeline,
  stage,
  usage,
  retire,
  onDone,
}: {
  pipeline: Pipeline;
  stage: Stage;
  usage: StageUsage | undefined;
  retire: ReturnType<typeof useRetireStage>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const items = usage?.items ?? 0;
  const targets = retirementTargets(pipeline.kind, pipeline.stages, stage);
  const [targetId, setTargetId] = useState<string | null>(targets.length === 1 ? targets[0].id : null);
  const [missingTarget, setMissingTarget] = useState(false);
  const target = targets.find((candidate) => candidate.id === targetId) ?? null;

  const confirm = () => {
    if (items > 0 && !target) {
      setMissingTarget(true);
      return;
    }
    retire.mutate(
      { stage, moveItemsToStageId: items > 0 && target ? target.id : null },
      {
        onSuccess: ({ movedItems }) => {
          notify({
            tone: 'success',
            message:
              movedItems > 0 && target
                ? t('pipelineSettings.retiredNotice', {
                    count: movedItems,
                    name: stage.name[language],
                    target: target.name[language],
                  })
                : t('pipelineSettings.retiredNoticeEmpty', { name: stage.name[language] }),
          });
          onDone();
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="retire-stage-form">
      <Text size="sm">{t('pipelineSettings.retireBody')}</Text>
      <Alert variant="light" color={items > 0 ? 'irm' : 'gray'} icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm" fw={500} data-testid="retire-item-count">
          {items > 0 ? t('pipelineSettings.retireItems', { count: items }) : t('pipelineSettings.retireNoItems')}
        </Text>
      </Alert>
      {items > 0 &&
        (targets.length > 0 ? (
          <Select
            label={t('pipelineSettings.moveTo')}
            description={t('pipelineSettings.moveToHint')}
            placeholder={t('pipelineSettings.moveToPlaceholder')}
            data={targets.map((candidate) => ({ value: candidate.id, label: candidate.name[language] }))}
            value={targetId}
            onChange={(value) => {
              setTargetId(value);
              setMissingTarget(false);
            }}
            leftSection={<IconArrowRight size={16} aria-hidden />}
            error={missingTarget ? t('pipelineSettings.moveToRequired') : undefined}
            required
            data-autofocus
            allowDeselect={false}
          />
        ) : (
          <Alert variant="light" color="orange" role="alert">
            {t('pipelineSettings.noTargets')}
          </Alert>
        ))}
      <StageProblemAlert error={retire.error} title={t('pipelineSettings.actionFailed')} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={retire.isPending}>
          {t('common.cancel')}
        </Button>
        <Button
          color="orange"
          onClick={confirm}
          loading={retire.isPending}
          disabled={items > 0 && targets.length === 0}
        >
          {items > 0 ? t('pipelineSettings.retireConfirm', { count: items }) : t('pipelineSettings.retireConfirmEmpty')}
        </Button>
      </Group>
    </Stack>
  );
}
