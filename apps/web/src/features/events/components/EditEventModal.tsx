import { useCallback } from 'react';
import type { CreatePromotionEventRequest, Me, PromotionEvent, UpdatePromotionEventRequest } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { VersionedEditModal, type FieldDifference } from '../../records';
import { useUpdateEvent } from '../hooks/use-events';
import { EventForm } from './EventForm';
import { countryName, isEventKind } from './options';

const REQUEST_FIELDS = [
  'name',
  'kind',
  'startsOn',
  'endsOn',
  'place',
  'country',
  'budgetVnd',
  'organizer',
  'description',
  'ownerId',
] as const satisfies readonly (keyof CreatePromotionEventRequest & keyof PromotionEvent)[];

/** Only what the person changed is sent, so a save never undoes a field someone else edited meanwhile. */
function changedFields(
  event: PromotionEvent,
  request: CreatePromotionEventRequest,
): Omit<UpdatePromotionEventRequest, 'version'> {
  const changes: Record<string, unknown> = {};
  for (const field of REQUEST_FIELDS) {
    if (request[field] === undefined) continue;
    if ((request[field] ?? null) !== (event[field] ?? null)) changes[field] = request[field];
  }
  return changes;
}

function eventDifferences(before: PromotionEvent, after: PromotionEvent): FieldDifference[] {
  return REQUEST_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null)).map((field) => ({
    field,
    before: field === 'ownerId' ? before.ownerName : before[field],
    after: field === 'ownerId' ? after.ownerName : after[field],
  }));
}

export function EditEventModal({
  me,
  event,
  opened,
  onClose,
}: {
  me: Me;
  event: PromotionEvent;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const update = useUpdateEvent();
  const label = useCallback((field: string) => t(`events.field.${field as (typeof REQUEST_FIELDS)[number]}`), [t]);
  const value = useCallback(
    (field: string, raw: unknown) => {
      if (raw === null || raw === undefined || raw === '') return t('events.notSet');
      if (field === 'kind' && isEventKind(raw)) return t(`events.kind.${raw}`);
      if (field === 'country' && typeof raw === 'string') return countryName(raw, language);
      if ((field === 'startsOn' || field === 'endsOn') && typeof raw === 'string')
        return format.date(`${raw}T12:00:00Z`);
      if (field === 'budgetVnd' && typeof raw === 'number') return t('events.vnd', { amount: format.integer(raw) });
      return String(raw);
    },
    [t, language, format],
  );
  return (
    <VersionedEditModal
      record={event}
      opened={opened}
      onClose={onClose}
      title={t('events.editTitle')}
      update={update}
      changedFields={changedFields}
      variables={(record, changes) => ({ event: record, changes })}
      onSaved={(updated) => notify({ tone: 'success', message: t('events.savedNotice', { name: updated.name }) })}
      stale={{
        message: t('events.staleVersion'),
        changedTitle: t('events.staleChanged'),
        display: { label, value },
        differences: eventDifferences,
      }}
      forbiddenMessage={() => t('events.forbiddenEdit', { owner: event.ownerName })}
      renderForm={(form) => (
        <EventForm
          {...form}
          me={me}
          event={event}
          data-testid="edit-event-form"
          errorTitle={t('events.saveFailed')}
          submitLabel={t('common.saveChanges')}
        />
      )}
    />
  );
}
