export { ErrorState } from './ErrorState';
export { PageHeader } from './PageHeader';
export { usePageTitle } from './use-page-title';
