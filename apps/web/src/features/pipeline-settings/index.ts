export { PipelineSettings } from './components/PipelineSettings';
export const PIPELINE_SETTINGS_PATH = '/settings/pipelines';
