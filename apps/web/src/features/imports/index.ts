export { ImportRecord } from './components/ImportRecord';
export { ImportsList } from './components/ImportsList';
export { ImportWizard } from './components/ImportWizard';
export { ListTransferActions } from './components/ListTransferActions';
// Attendee lists are imported from the event page with the same pieces.
export { ColumnGuide } from './components/ColumnGuide';
export { FileDrop } from './components/FileDrop';
export { ImportJobView } from './components/ImportJobView';
export { isFinished, useImportJob, useUploadImport } from './hooks/use-imports';
