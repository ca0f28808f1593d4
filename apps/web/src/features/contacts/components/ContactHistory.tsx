import { useTranslation } from 'react-i18next';
import { useOwnerOptions } from '../../organizations/hooks/use-organizations';
import { RecordHistory } from '../../records';
import { useContactFieldDisplay } from './field-display';

// The linked ids are unreadable and come with their names.
const HIDDEN_FIELDS = ['organizationId'];

/** Who changed what and when. Only managers and admins may read the audit trail; for others it is not shown. */
export function ContactHistory({ contactId, enabled }: { contactId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const display = useContactFieldDisplay();
  // Owners are recorded by id; names come from the user list where this person may read it.
  const owners = useOwnerOptions(enabled);
  const ownerNames = new Map((owners.data ?? []).map((owner) => [owner.id, owner.name]));
  return (
    <RecordHistory
      subjectType="contact"
      subjectId={contactId}
      enabled={enabled}
      name="contact"
      title={t('contacts.historyTitle')}
      emptyText={t('contacts.historyEmpty')}
      display={display}
      ownerNames={ownerNames}
      hiddenFields={HIDDEN_FIELDS}
    />
  );
}
