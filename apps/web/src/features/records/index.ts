export { type FieldDifference, type FieldDisplay } from './components/field-display';
export { RecordHistory } from './components/RecordHistory';
export { DeleteRecordModal, RecordBackLink, RecordLoadFailed, RecordSkeleton } from './components/RecordPage';
export { RecordListBody, type ListColumn, type ListSorting, type SortField } from './components/RecordListBody';
export { ColumnsMenu, useHiddenColumns } from './components/ColumnsMenu';
export { VersionedEditModal, type VersionedFormProps } from './components/VersionedEditModal';
export { isForbidden, isStaleVersion, replaceInLists, useRecordHistory } from './hooks/versioned-records';
export { confirmableDuplicates, DuplicatePrompt } from './components/DuplicatePrompt';
export { useSortParam } from './hooks/use-sort-param';
