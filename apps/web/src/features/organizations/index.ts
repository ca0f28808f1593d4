export { OrganizationRecord } from './components/OrganizationRecord';
export { OrganizationsList } from './components/OrganizationsList';
export { INVESTORS_PATH, investorPath } from './paths';
