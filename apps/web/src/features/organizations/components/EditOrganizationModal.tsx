import type { CreateOrganizationRequest, Me, Organization, UpdateOrganizationRequest } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../shared/ui';
import { VersionedEditModal } from '../../records';
import { useUpdateOrganization } from '../hooks/use-organizations';
import { useOwnerChoices } from '../hooks/use-owner-choices';
import { organizationDifferences, useFieldDisplay } from './field-display';
import { OrganizationForm } from './OrganizationForm';

interface EditOrganizationModalProps {
  me: Me;
  /** The latest copy of the record: after someone else's change is loaded, the form shows it. */
  organization: Organization;
  opened: boolean;
  onClose: () => void;
}

export function EditOrganizationModal({ me, organization, opened, onClose }: EditOrganizationModalProps) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const owners = useOwnerChoices(me);
  const display = useFieldDisplay();
  return (
    <VersionedEditModal
      record={organization}
      opened={opened}
      onClose={onClose}
      title={t('investors.editTitle')}
      update={update}
      changedFields={changedFields}
      variables={(record, changes) => ({ organization: record, changes })}
      onSaved={(updated) => notify({ tone: 'success', message: t('investors.savedNotice', { name: updated.name }) })}
      stale={{
        message: t('investors.staleVersion'),
        changedTitle: t('investors.staleChanged'),
        display,
        differences: organizationDifferences,
      }}
      forbiddenMessage={(aboutOwner) =>
        aboutOwner ? t('investors.forbiddenOwner') : t('investors.forbiddenEdit', { owner: organization.ownerName })
      }
      renderForm={(form) => (
        <OrganizationForm
          {...form}
          data-testid="edit-investor-form"
          organization={organization}
          ownerChoices={owners.choices}
          ownerEditable={owners.editable}
          ownerHint={owners.hint}
          errorTitle={t('investors.saveFailed')}
          submitLabel={t('common.saveChanges')}
        />
      )}
    />
  );
}

const REQUEST_FIELDS = [
  'name',
  'legalName',
  'kind',
  'country',
  'sectors',
  'taxCode',
  'website',
  'size',
  'source',
  'tags',
  'ownerId',
] as const satisfies readonly (keyof CreateOrganizationRequest & keyof Organization)[];

/** Only what the person changed is sent, so a save never undoes a field someone else edited meanwhile. */
function changedFields(
  organization: Organization,
  request: CreateOrganizationRequest,
): Omit<UpdateOrganizationRequest, 'version'> {
  const changes: Record<string, unknown> = {};
  for (const field of REQUEST_FIELDS) {
    const next = request[field];
    const current = organization[field];
    const unchanged =
      Array.isArray(next) && Array.isArray(current)
        ? next.join('\u0000') === current.join('\u0000')
        : (next ?? null) === (current ?? null);
    if (!unchanged) changes[field] = next;
  }
  return changes as Omit<UpdateOrganizationRequest, 'version'>;
}
