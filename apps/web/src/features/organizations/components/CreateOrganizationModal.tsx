import type { CreateOrganizationRequest, Me } from '@irm/contracts';
import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notify } from '../../../shared/ui';
import { confirmableDuplicates, DuplicatePrompt } from '../../records';
import { useCreateOrganization } from '../hooks/use-organizations';
import { useOwnerChoices } from '../hooks/use-owner-choices';
import { investorPath } from '../paths';
import { OrganizationForm } from './OrganizationForm';

export function CreateOrganizationModal({ me, opened, onClose }: { me: Me; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('investors.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CreateOrganizationForm me={me} onDone={onClose} />}
    </Modal>
  );
}

function CreateOrganizationForm({ me, onDone }: { me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const owners = useOwnerChoices(me);
  const [submitted, setSubmitted] = useState<CreateOrganizationRequest | null>(null);
  const candidates = confirmableDuplicates(create.error);
  const submit = (request: CreateOrganizationRequest, confirmDuplicate = false) => {
    setSubmitted(request);
    create.mutate(
      // The server makes the creator the owner; only a different owner needs saying.
      { request: { ...request, ownerId: request.ownerId === me.id ? undefined : request.ownerId }, confirmDuplicate },
      {
        onSuccess: (organization) => {
          notify({ tone: 'success', message: t('investors.createdNotice', { name: organization.name }) });
          onDone();
          void navigate(investorPath(organization.id));
        },
      },
    );
  };
  return (
    <Stack>
      {candidates && submitted && (
        <DuplicatePrompt
          candidates={candidates}
          pathOf={investorPath}
          pending={create.isPending}
          onConfirm={() => submit(submitted, true)}
        />
      )}
      <OrganizationForm
        data-testid="create-investor-form"
        ownerChoices={owners.choices}
        ownerEditable={owners.editable}
        ownerHint={owners.hint}
        pending={create.isPending}
        error={candidates ? null : create.error}
        errorTitle={t('investors.createFailed')}
        submitLabel={t('investors.createSubmit')}
        onCancel={onDone}
        onSubmit={(request) => submit(request)}
      />
    </Stack>
  );
}
