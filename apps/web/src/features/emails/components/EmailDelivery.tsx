import { useId, useState } from 'react';
import { EmailStatus, type EmailEventPayload } from '@irm/contracts';
import { Anchor, Code, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { EmailStatusBadge } from './EmailStatusBadge';

/** An email as a record's timeline shows it: to whom, where its delivery stands, and on request why it failed. */
export function EmailDelivery({ email }: { email: Partial<EmailEventPayload> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const recipient = email.recipientName
    ? `${email.recipientName} <${email.recipientEmail ?? ''}>`
    : (email.recipientEmail ?? '');
  const attempts = email.attempts ?? 0;
  const hasDetails = attempts > 0 || !!email.lastError;
  const when =
    email.status === EmailStatus.Sent && email.sentAt
      ? t('emails.sentAt', { when: format.dateTime(email.sentAt) })
      : email.status === EmailStatus.Failed && email.failedAt
        ? t('emails.failedAt', { when: format.dateTime(email.failedAt) })
        : null;

  return (
    <Stack gap={4} data-testid="email-delivery">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="email-recipient">
        {t('emails.to', { recipient })}
      </Text>
      <Group gap="xs" wrap="wrap">
        {email.status && <EmailStatusBadge status={email.status} />}
        {when && (
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        )}
        {hasDetails && (
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={detailsId}
            data-testid="email-details-toggle"
          >
            <Group gap={2} wrap="nowrap">
              {open ? t('emails.hideDetails') : t('emails.details')}
              {open ? <IconChevronUp size={12} aria-hidden /> : <IconChevronDown size={12} aria-hidden />}
            </Group>
          </Anchor>
        )}
      </Group>
      <Collapse expanded={open} id={detailsId}>
        <Stack gap={4} pt={4} data-testid="email-details">
          <Text size="xs" c="dimmed">
            {t('emails.attempts', { count: attempts })}
          </Text>
          {email.lastError && (
            <Text size="xs" component="div">
              <Text span size="xs" c="dimmed">
                {t('emails.lastError')}:
              </Text>{' '}
              <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{email.lastError}</Code>
            </Text>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}
