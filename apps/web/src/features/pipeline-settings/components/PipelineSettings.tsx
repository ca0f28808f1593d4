import type { PipelineKind } from '@irm/contracts';
import { Skeleton, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLanguage } from '../../../shared/i18n';
import { ErrorState, PageHeader } from '../../../shared/ui';
import { usePipelines } from '../hooks/use-pipeline-settings';
import { PipelineStages } from './PipelineStages';

/** Managers' settings of the four pipelines, one tab each; the tab is kept in the address. */
export function PipelineSettings() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const list = pipelines.data ?? [];
  const chosen = list.find((pipeline) => pipeline.kind === params.get('pipeline')) ?? list[0];

  return (
    <>
      <PageHeader title={t('pipelineSettings.title')} description={t('pipelineSettings.description')} />
      {pipelines.isPending ? (
        <Stack gap="sm" aria-busy="true" data-testid="pipelines-loading">
          <Skeleton height={36} width={560} />
          {[0, 1, 2, 3, 4, 5].map((row) => (
            <Skeleton key={row} height={52} />
          ))}
        </Stack>
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} retrying={pipelines.isFetching} />
      ) : (
        <Tabs
          value={chosen?.kind ?? null}
          onChange={(kind) => kind && setParams({ pipeline: kind as PipelineKind }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md" aria-label={t('pipelineSettings.pipelines')}>
            {list.map((pipeline) => (
              <Tabs.Tab key={pipeline.id} value={pipeline.kind} data-testid={`pipeline-tab-${pipeline.kind}`}>
                {pipeline.name[language]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {list.map((pipeline) => (
            <Tabs.Panel key={pipeline.id} value={pipeline.kind}>
              <PipelineStages pipeline={pipeline} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
