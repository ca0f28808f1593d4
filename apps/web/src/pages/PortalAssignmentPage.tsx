import { useTranslation } from 'react-i18next';
import { PortalAssignmentSettings } from '../features/investor-portal';
import { usePageTitle } from '../shared/ui';

export function PortalAssignmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('portalStaff.assignment.title'));
  return <PortalAssignmentSettings />;
}
