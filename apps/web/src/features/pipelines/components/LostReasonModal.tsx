import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import type { PendingLostMove } from '../hooks/use-move-item';
import { localized } from '../move-check';

const MAX_REASON = 1000;

interface LostReasonModalProps {
  pending: PendingLostMove | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** Closing an item as lost needs a reason: the funnel report and the next colleague learn from it. */
export function LostReasonModal({ pending, onCancel, onConfirm }: LostReasonModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={pending !== null}
      onClose={onCancel}
      title={t('pipelines.lost.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {pending && <LostReasonForm pending={pending} onCancel={onCancel} onConfirm={onConfirm} />}
    </Modal>
  );
}

function LostReasonForm({
  pending,
  onCancel,
  onConfirm,
}: Required<LostReasonModalProps> & { pending: PendingLostMove }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t('pipelines.lost.reasonRequired'));
      return;
    }
    onConfirm(trimmed);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="lost-reason-form">
      <Stack gap="md">
        <Text size="sm">
          {t('pipelines.lost.message', { title: pending.item.title, stage: localized(pending.to.name, language) })}
        </Text>
        <Textarea
          label={t('pipelines.lost.reason')}
          required
          autosize
          minRows={3}
          maxLength={MAX_REASON}
          data-autofocus
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red">
            {t('pipelines.lost.confirm', { stage: localized(pending.to.name, language) })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
