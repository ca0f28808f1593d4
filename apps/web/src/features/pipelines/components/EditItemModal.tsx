import type { Me } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../shared/ui';
import { VersionedEditModal } from '../../records';
import { useUpdateItem, type ItemChange } from '../hooks/use-pipelines';
import type { ItemChanges, ItemFields, PipelineItem } from '../types';
import { itemDifferences, useItemFieldDisplay } from './field-display';
import { ItemForm } from './ItemForm';

interface EditItemModalProps {
  me: Me;
  /** The latest copy: after someone else's change is loaded, the form shows it. */
  item: PipelineItem;
  opened: boolean;
  onClose: () => void;
}

export function EditItemModal({ me, item, opened, onClose }: EditItemModalProps) {
  const { t } = useTranslation();
  const update = useUpdateItem();
  const display = useItemFieldDisplay();
  return (
    <VersionedEditModal<PipelineItem, ItemFields, ItemChanges, ItemChange>
      record={item}
      opened={opened}
      onClose={onClose}
      title={t(`pipelines.edit.title.${item.kind}`)}
      update={update}
      changedFields={changedFields}
      variables={(record, changes) => ({ item: record, changes })}
      onSaved={(updated) => notify({ tone: 'success', message: t('pipelines.edit.saved', { title: updated.title }) })}
      stale={{
        message: t('pipelines.edit.stale'),
        changedTitle: t('pipelines.edit.staleChanged'),
        display,
        differences: itemDifferences,
      }}
      forbiddenMessage={() => t('pipelines.edit.forbidden', { owner: item.ownerName })}
      renderForm={(form) => (
        <ItemForm
          {...form}
          kind={item.kind}
          me={me}
          item={item}
          errorTitle={t('pipelines.edit.failed')}
          submitLabel={t('common.saveChanges')}
          data-testid="edit-item-form"
        />
      )}
    />
  );
}

/** Only what the person changed is sent, so a save never undoes a field someone else edited meanwhile. */
function changedFields(item: PipelineItem, request: ItemFields): ItemChanges {
  const current = item as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [name, next] of Object.entries(request)) {
    const was = current[name];
    const unchanged =
      Array.isArray(next) && Array.isArray(was)
        ? next.join('\u0000') === was.join('\u0000')
        : (next ?? null) === (was ?? null);
    if (!unchanged) changes[name] = next;
  }
  return changes as ItemChanges;
}
