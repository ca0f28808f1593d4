import type { Me, PipelineKind } from '@irm/contracts';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notify } from '../../../shared/ui';
import { useCreateItem } from '../hooks/use-pipelines';
import { itemPath } from '../paths';
import { ItemForm } from './ItemForm';

interface CreateItemModalProps {
  kind: PipelineKind;
  me: Me;
  opened: boolean;
  onClose: () => void;
}

/** A new prospect, land enquiry or loan application; it starts in the pipeline's first stage. */
export function CreateItemModal({ kind, me, opened, onClose }: CreateItemModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(`pipelines.create.title.${kind}`)}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CreateItemForm kind={kind} me={me} onDone={onClose} />}
    </Modal>
  );
}

function CreateItemForm({ kind, me, onDone }: { kind: PipelineKind; me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateItem(kind);
  return (
    <ItemForm
      kind={kind}
      me={me}
      pending={create.isPending}
      error={create.error}
      errorTitle={t('pipelines.create.failed')}
      submitLabel={t('pipelines.create.submit')}
      onCancel={onDone}
      onSubmit={(request) =>
        create.mutate(request, {
          onSuccess: (item) => {
            notify({ tone: 'success', message: t('pipelines.create.done', { title: item.title }) });
            onDone();
            void navigate(itemPath(item.kind, item.id));
          },
        })
      }
      data-testid="create-item-form"
    />
  );
}
