import { useTranslation } from 'react-i18next';
import { RecordHistory } from '../../records';
import { useOwnerOptions } from '../hooks/use-organizations';
import { useFieldDisplay } from './field-display';

/** Who changed what and when. Only managers and admins may read the audit trail; for others it is not shown. */
export function OrganizationHistory({ organizationId, enabled }: { organizationId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const display = useFieldDisplay();
  // Owners are recorded by id; names come from the user list where this person may read it.
  const owners = useOwnerOptions(enabled);
  const ownerNames = new Map((owners.data ?? []).map((owner) => [owner.id, owner.name]));
  return (
    <RecordHistory
      subjectType="organization"
      subjectId={organizationId}
      enabled={enabled}
      name="investor"
      title={t('investors.historyTitle')}
      emptyText={t('investors.historyEmpty')}
      display={display}
      ownerNames={ownerNames}
    />
  );
}
