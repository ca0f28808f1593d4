import { useEffect, useRef, useState } from 'react';
import type { CreateOrganizationRequest, Me, Organization, UpdateOrganizationRequest } from '@irm/contracts';
import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { IconLock, IconRefreshAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { notify } from '../../../shared/ui';
import { isForbidden, isStaleVersion, useUpdateOrganization } from '../hooks/use-organizations';
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
  // The copy the person was editing when the server said someone else had changed it.
  const [staleFrom, setStaleFrom] = useState<Organization | null>(null);
  const close = () => {
    update.reset();
    setStaleFrom(null);
    onClose();
  };

  const submit = (request: CreateOrganizationRequest) => {
    const changes = changedFields(organization, request);
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    setStaleFrom(null);
    update.mutate(
      { organization, changes },
      {
        onSuccess: (updated) => {
          notify({ tone: 'success', message: t('investors.savedNotice', { name: updated.name }) });
          close();
        },
        onError: (error) => {
          if (isStaleVersion(error)) setStaleFrom(organization);
        },
      },
    );
  };

  const explained = isStaleVersion(update.error) || isForbidden(update.error);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('investors.editTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        // Keyed by version: when someone else's change is loaded, the fields show it.
        <OrganizationForm
          key={`${organization.id}:${organization.version}`}
          data-testid="edit-investor-form"
          organization={organization}
          ownerChoices={owners.choices}
          ownerEditable={owners.editable}
          ownerHint={owners.hint}
          pending={update.isPending}
          error={explained ? null : update.error}
          errorTitle={t('investors.saveFailed')}
          notice={
            <>
              {staleFrom && <StaleNotice before={staleFrom} after={organization} />}
              {isForbidden(update.error) && <ForbiddenNotice error={update.error} organization={organization} />}
            </>
          }
          submitLabel={t('common.saveChanges')}
          onCancel={close}
          onSubmit={submit}
        />
      )}
    </Modal>
  );
}

/** The notice is at the top of a long form whose save button is at the bottom: bring it into view. */
function useScrolledIntoView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return ref;
}

function StaleNotice({ before, after }: { before: Organization; after: Organization }) {
  const { t } = useTranslation();
  const ref = useScrolledIntoView<HTMLDivElement>();
  const display = useFieldDisplay();
  // Until the reload arrives both copies are the same and there is nothing to list yet.
  const differences = before.version === after.version ? [] : organizationDifferences(before, after);
  return (
    <Alert
      ref={ref}
      color="orange"
      variant="light"
      icon={<IconRefreshAlert aria-hidden />}
      role="alert"
      data-testid="stale-notice"
    >
      <Stack gap={6}>
        <Text size="sm">{t('investors.staleVersion')}</Text>
        {differences.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('investors.staleChanged')}
            </Text>
            <List size="sm" spacing={2}>
              {differences.map(({ field, before: was, after: now }) => (
                <List.Item key={field}>
                  <Text span size="sm" fw={500}>
                    {display.label(field)}:
                  </Text>{' '}
                  <Text span size="sm" td="line-through" c="dimmed">
                    {display.value(field, was)}
                  </Text>{' '}
                  → {display.value(field, now)}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

function ForbiddenNotice({ error, organization }: { error: unknown; organization: Organization }) {
  const { t } = useTranslation();
  const ref = useScrolledIntoView<HTMLDivElement>();
  const aboutOwner = isApiError(error) && error.fieldErrors.some((e) => e.field === 'ownerId');
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconLock aria-hidden />}
      role="alert"
      data-testid="forbidden-notice"
    >
      {aboutOwner ? t('investors.forbiddenOwner') : t('investors.forbiddenEdit', { owner: organization.ownerName })}
    </Alert>
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
