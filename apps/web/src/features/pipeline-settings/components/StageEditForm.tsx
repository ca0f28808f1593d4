import { useState, type FormEvent } from 'react';
import type { Stage, StageUsage } from '@irm/contracts';
import { Button, Code, Fieldset, Grid, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { useUpdateStage, type StageChange } from '../hooks/use-pipeline-settings';
import { defaultPublicLabel } from './public-labels';
import { StageProblemAlert } from './StageProblemAlert';
import { slaOf, StageFields, validateStageForm, type StageFormErrors, type StageFormValues } from './StageFields';

interface StageEditFormProps {
  pipelineId: string;
  stage: Stage;
  /** The pipeline's stages: a stage's default public label depends on where it stands among them. */
  stages: readonly Stage[];
  usage: StageUsage | undefined;
  ruleStage: boolean;
  onDone: () => void;
}

/** A stage's row turned into its form: names, type and SLA, saved under the version the manager saw. */
export function StageEditForm({ pipelineId, stage, stages, usage, ruleStage, onDone }: StageEditFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const update = useUpdateStage(pipelineId);
  const [values, setValues] = useState<StageFormValues>({
    nameVi: stage.name.vi,
    nameEn: stage.name.en,
    type: stage.type,
    sla: stage.slaWorkingDays ?? '',
  });
  const [publicVi, setPublicVi] = useState(stage.publicLabelVi ?? '');
  const [publicEn, setPublicEn] = useState(stage.publicLabelEn ?? '');
  const defaults = defaultPublicLabel(stage, stages, values.type);
  const [errors, setErrors] = useState<StageFormErrors>({});
  const typeLockedReason = ruleStage
    ? t('pipelineSettings.typeLockedRule')
    : usage && usage.items > 0
      ? t('pipelineSettings.typeLockedItems')
      : undefined;
  const openItems = usage?.openItems ?? 0;
  const serverField = (field: string) =>
    isApiError(update.error) && update.error.fieldErrors.some((error) => error.field === field)
      ? update.error.fieldError(field)
      : undefined;

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
    // Empty restores the default wording.
    const labelVi = publicVi.trim() || null;
    const labelEn = publicEn.trim() || null;
    if (labelVi !== (stage.publicLabelVi ?? null)) changes.publicLabelVi = labelVi;
    if (labelEn !== (stage.publicLabelEn ?? null)) changes.publicLabelEn = labelEn;
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
        <Fieldset
          legend={
            <Group gap={6} wrap="nowrap">
              <IconWorld size={16} aria-hidden />
              <span>{t('portalStaff.publicLabels.title')}</span>
            </Group>
          }
          variant="unstyled"
          data-testid="stage-public-labels"
        >
          <Text size="xs" c="dimmed" mb="xs">
            {t('portalStaff.publicLabels.hint')}
          </Text>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('portalStaff.publicLabels.vi')}
                placeholder={defaults.vi}
                value={publicVi}
                onChange={(event) => setPublicVi(event.currentTarget.value)}
                error={serverField('publicLabelVi')}
                maxLength={80}
                lang="vi"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('portalStaff.publicLabels.en')}
                placeholder={defaults.en}
                value={publicEn}
                onChange={(event) => setPublicEn(event.currentTarget.value)}
                error={serverField('publicLabelEn')}
                maxLength={80}
                lang="en"
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
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
