import { useTranslation } from 'react-i18next';
import { RecordHistory } from '../../records';
import { useFieldDisplay } from './field-display';

const NO_OWNERS = new Map<string, string>();

/** Edits and land-bank movements of the zone, from the audit trail (managers and admins only). */
export function ZoneHistory({ zoneId, enabled }: { zoneId: string; enabled: boolean }) {
  const { t } = useTranslation();
  return (
    <RecordHistory
      subjectType="zone"
      subjectId={zoneId}
      enabled={enabled}
      name="zone"
      title={t('zones.historyTitle')}
      emptyText={t('zones.historyEmpty')}
      display={useFieldDisplay()}
      ownerNames={NO_OWNERS}
      // The investor's name is recorded next to its id.
      hiddenFields={['infrastructureInvestorId']}
    />
  );
}
