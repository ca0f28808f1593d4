import { useState, type FormEvent } from 'react';
import type { RecordSubjectType } from '@irm/contracts';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { FormError, notify } from '../../../shared/ui';
import { useSendPortalReply } from '../hooks/use-investor-portal';

/** The server's limit on a reply, the same as a note's. */
const MAX_REPLY = 10_000;

interface PortalReplyBoxProps {
  resource: string;
  subjectType: RecordSubjectType;
  itemId: string;
}

/**
 * A reply the investor reads: it goes to them by email and shows on their tracking page. Said plainly above the box,
 * because the timeline's notes just below stay inside the agency.
 */
export function PortalReplyBox({ resource, subjectType, itemId }: PortalReplyBoxProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const reply = useSendPortalReply({ resource, subjectType, itemId });
  const hintId = `portal-reply-hint-${itemId}`;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = body.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    reply.mutate(text, {
      onSuccess: () => {
        setBody('');
        notify({ tone: 'success', message: t('portalStaff.replySent') });
      },
    });
  };

  const notPortal = isApiError(reply.error) && reply.error.status === 422;
  return (
    <form onSubmit={submit} noValidate data-testid="portal-reply">
      <Stack gap="sm">
        <Alert
          variant="light"
          color="teal"
          icon={<IconMailForward aria-hidden />}
          title={t('portalStaff.replyTitle')}
          id={hintId}
          data-testid="portal-reply-hint"
        >
          <Text size="sm">{t('portalStaff.replyHint')}</Text>
        </Alert>
        <Textarea
          label={t('portalStaff.replyLabelInput')}
          aria-describedby={hintId}
          placeholder={t('portalStaff.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX_REPLY}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            if (event.currentTarget.value.trim()) setMissing(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
          }}
          error={missing ? t('portalStaff.replyRequired') : undefined}
          data-testid="portal-reply-text"
        />
        {notPortal ? (
          <Alert color="red" variant="light" role="alert" title={t('portalStaff.replyFailed')}>
            {t('portalStaff.notPortalItem')}
          </Alert>
        ) : (
          <FormError error={reply.error} title={t('portalStaff.replyFailed')} />
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            color="teal"
            leftSection={<IconMailForward size={16} aria-hidden />}
            loading={reply.isPending}
            data-testid="portal-reply-send"
          >
            {t('portalStaff.replySend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
