import { useState, type FormEvent } from 'react';
import type { Stage, StageUsage } from '@irm/contracts';
import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { useUpdateStage, type StageChange } from '../hooks/use-pipeline-settings';
import { StageProblemAlert } from './StageProblemAlert';
import { slaOf, StageFields, validateStageForm, type StageFormErrors, type StageFormValues } from './StageFields';

interface StageEditFormProps {
  pipelineId: string;
  stage: Stage;
  usage: StageUsage | undefined;
  ruleStage: boolean;
  onDone: () => void;
}

/** A stage's row turned into its form: names, type and SLA, saved under the version the manager saw. */
export function StageEditForm({ pipelineId, stage, usage, ruleStage, onDone }: StageEditFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const update = useUpdateStage(pipelineId);
  const [values, setValues] = useState<StageFormValues>({
    nameVi: stage.name.vi,
    nameEn: stage.name.en,
    type: stage.type,
    sla: stage.slaWorkingDays ?? '',
  });
  const [errors, setErrors] = useState<StageFormErrors>({});
  const typeLockedReason = ruleStage
    ? t('pipelineSettings.typeLockedRule')
    : usage && usage.items > 0
      ? t('pipelineSettings.typeLockedItems')
      : undefined;
  const openItems = usage?.openItems ?? 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateStageForm(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const changes: StageChange['changes'] = {};
    if (values.nameVi.trim() !== stage.name.vi) changes.nameVi = values.nameVi.trim();
    if (values.nameEn.trim() !== stage.name.en) changes.nameEn = values.nameEn.trim();
    if (values.type !== stage.type) changes.type = values.type;
    if (slaOf(values) !== stage.slaWorkingDays) changes.slaWorkingDays = slaOf(values);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { stage, changes },
      {
        onSuccess: (saved) => {
          notify({ tone: 'success', message: t('pipelineSettings.saved', { name: saved.name[language] }) });
          onDone();
        },
      },
    );
  };

  return (
    <Paper
      component="form"
      onSubmit={submit}
      noValidate
      withBorder
      radius="md"
      p="md"
      bg="irm.0"
      data-testid="stage-edit-form"
      aria-label={t('pipelineSettings.editTitle')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <Stack gap="sm">
        <StageProblemAlert
          error={update.error}
          title={t('pipelineSettings.saveFailed')}
          shownRules={['duplicate_name']}
        />
        <StageFields
          values={values}
          onChange={setValues}
          errors={errors}
          serverError={update.error}
          typeLockedReason={typeLockedReason}
          slaDescription={openItems > 0 ? t('pipelineSettings.slaChangeHint', { count: openItems }) : undefined}
          autoFocus
          columns={4}
        />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('pipelineSettings.key')}: <Code>{stage.key}</Code> · {t('pipelineSettings.keyHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onDone} disabled={update.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
