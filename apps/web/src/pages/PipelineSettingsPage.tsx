import { useTranslation } from 'react-i18next';
import { PipelineSettings } from '../features/pipeline-settings';
import { usePageTitle } from '../shared/ui';

export function PipelineSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('pipelineSettings.title'));
  return <PipelineSettings />;
}
