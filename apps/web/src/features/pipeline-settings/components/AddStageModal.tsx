import { useState, type FormEvent } from 'react';
import { StageType, type Pipeline } from '@irm/contracts';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { useCreateStage } from '../hooks/use-pipeline-settings';
import { StageProblemAlert } from './StageProblemAlert';
import { slaOf, StageFields, validateStageForm, type StageFormErrors, type StageFormValues } from './StageFields';

const AT_END = 'end';

interface AddStageModalProps {
  pipeline: Pipeline;
  opened: boolean;
  onClose: () => void;
}

export function AddStageModal({ pipeline, opened, onClose }: AddStageModalProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const create = useCreateStage(pipeline);
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('pipelineSettings.addTitle', { pipeline: pipeline.name[language] })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* A fresh form each time the dialog opens. */}
      {opened && <AddStageForm pipeline={pipeline} create={create} onCancel={close} />}
    </Modal>
  );
}

function AddStageForm({
  pipeline,
  create,
  onCancel,
}: {
  pipeline: Pipeline;
  create: ReturnType<typeof useCreateStage>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [values, setValues] = useState<StageFormValues>({ nameVi: '', nameEn: '', type: StageType.Open, sla: '' });
  const [errors, setErrors] = useState<StageFormErrors>({});
  // New stages usually go among the open ones: before the first stage that closes an item.
  const firstClosing = pipeline.stages.find((stage) => stage.type !== StageType.Open);
  const [position, setPosition] = useState<string>(firstClosing ? String(firstClosing.position) : AT_END);
  const positions = [
    ...pipeline.stages.map((stage) => ({
      value: String(stage.position),
      label: t('pipelineSettings.before', { name: stage.name[language] }),
    })),
    { value: AT_END, label: t('pipelineSettings.atEnd') },
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateStageForm(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim(),
        type: values.type,
        slaWorkingDays: slaOf(values),
        ...(position === AT_END ? {} : { position: Number(position) }),
      },
      {
        onSuccess: (stage) => {
          notify({ tone: 'success', message: t('pipelineSettings.added', { name: stage.name[language] }) });
          onCancel();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="add-stage-form">
      <Stack gap="md">
        <StageProblemAlert
          error={create.error}
          title={t('pipelineSettings.saveFailed')}
          shownRules={['duplicate_name']}
        />
        <StageFields values={values} onChange={setValues} errors={errors} serverError={create.error} autoFocus />
        <Select
          label={t('pipelineSettings.position')}
          data={positions}
          value={position}
          onChange={(value) => setPosition(value ?? AT_END)}
          allowDeselect={false}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('pipelineSettings.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
