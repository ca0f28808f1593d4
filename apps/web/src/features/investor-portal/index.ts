export { PortalAssignmentSettings } from './components/PortalAssignmentSettings';
export { PortalPanel } from './components/PortalPanel';
export {
  PortalEntryDetail,
  PortalEntryIcon,
  portalEntryAuthor,
  portalEntryColor,
  portalEntryTitle,
} from './components/portal-entries';
export const PORTAL_ASSIGNMENT_PATH = '/settings/portal-assignment';
