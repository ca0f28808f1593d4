import type { Zone } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../shared/ui';
import { VersionedEditModal } from '../../records';
import { useUpdateZone } from '../hooks/use-zones';
import { useFieldDisplay, zoneDifferences } from './field-display';
import { ZoneForm, type ZoneFormRequest } from './ZoneForm';

interface EditZoneModalProps {
  zone: Zone;
  opened: boolean;
  onClose: () => void;
}

export function EditZoneModal({ zone, opened, onClose }: EditZoneModalProps) {
  const { t } = useTranslation();
  const update = useUpdateZone();
  const display = useFieldDisplay();
  return (
    <VersionedEditModal
      record={zone}
      opened={opened}
      onClose={onClose}
      title={t('zones.editTitle')}
      update={update}
      changedFields={changedFields}
      variables={(record, changes) => ({ zone: record, changes })}
      onSaved={(updated) => notify({ tone: 'success', message: t('zones.savedNotice', { name: updated.name }) })}
      stale={{
        message: t('zones.staleVersion'),
        changedTitle: t('zones.staleChanged'),
        display,
        differences: zoneDifferences,
      }}
      forbiddenMessage={() => t('zones.forbidden')}
      renderForm={(form) => <ZoneForm {...form} zone={zone} />}
    />
  );
}

/** Only what the manager changed is sent, so a save never undoes someone else's edit of another field. */
function changedFields(zone: Zone, request: ZoneFormRequest): ZoneFormRequest {
  const changes: Record<string, unknown> = {};
  for (const [field, next] of Object.entries(request) as [keyof ZoneFormRequest, unknown][]) {
    const current = zone[field];
    const unchanged =
      Array.isArray(next) && Array.isArray(current)
        ? next.join('\u0000') === current.join('\u0000')
        : (next ?? null) === (current ?? null);
    if (!unchanged) changes[field] = next;
  }
  // A location is one thing: a changed coordinate is sent with its partner.
  if ('latitude' in changes || 'longitude' in changes) {
    changes.latitude = request.latitude;
    changes.longitude = request.longitude;
  }
  return changes as ZoneFormRequest;
}
