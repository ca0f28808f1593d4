export { ItemRecord } from './components/ItemRecord';
export { LandMatchesPanel } from './components/LandMatchesPanel';
export { LoanDocumentsPanel, LoanTranchesPanel } from './components/LoanPanels';
export { PipelineView } from './components/PipelineView';
export { StageHistoryPanel } from './components/StageHistoryPanel';
export { isPipelineKind, KIND_SETTINGS, PIPELINE_KINDS } from './kinds';
export { itemPath, pipelinePath, PIPELINES_PATH } from './paths';
export { isEventContact, isLandEnquiry, isLoanApplication, type PipelineItem } from './types';
