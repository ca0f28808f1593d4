export { ImportRecord } from './components/ImportRecord';
export { ImportsList } from './components/ImportsList';
export { ImportWizard } from './components/ImportWizard';
export { ListTransferActions } from './components/ListTransferActions';
