import type { EmailMessage } from '@irm/contracts';
import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconExternalLink, IconMailCheck, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState, PageHeader, notify } from '../../../shared/ui';
import { isOutdatedEmail, useFailedEmails, useRetryEmail } from '../hooks/use-emails';
import { QUEUE_DASHBOARD_PATH, emailSubjectPath } from '../paths';

/** For admins: the emails that gave up, why, and a way to send each one again once the cause is fixed. */
export function FailedEmailsAdmin() {
  const { t } = useTranslation();
  const list = useFailedEmails();
  const emails = list.data?.pages.flatMap((page) => page.items) ?? [];
  const retry = useRetryEmail();

  const send = (email: EmailMessage) =>
    retry.mutate(email, {
      onSuccess: () => notify({ tone: 'success', message: t('emails.failed.retried', { subject: email.subject }) }),
      onError: (error) =>
        notify(
          isOutdatedEmail(error)
            ? { tone: 'warning', message: t('emails.failed.stale') }
            : { tone: 'error', title: t('emails.failed.retryFailed'), message: errorText(error) },
        ),
    });

  return (
    <>
      <PageHeader
        title={t('emails.failed.title')}
        description={t('emails.failed.description')}
        actions={
          // Bull Board is served by the API, outside this app: a full page load, not a route.
          <Button
            component="a"
            href={QUEUE_DASHBOARD_PATH}
            variant="default"
            leftSection={<IconExternalLink size={18} aria-hidden />}
            data-testid="queue-dashboard-link"
          >
            {t('emails.failed.queues')}
          </Button>
        }
      />
      <Card withBorder radius="lg" padding={0}>
        {list.isPending ? (
          <Stack gap="sm" p="md" aria-busy="true">
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} height={40} />
            ))}
          </Stack>
        ) : list.isError && emails.length === 0 ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
          </Stack>
        ) : emails.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconMailCheck aria-hidden />}
            title={t('emails.failed.emptyTitle')}
            description={t('emails.failed.emptyDescription')}
            data-testid="failed-emails-empty"
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={960} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="failed-emails">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>{t('emails.failed.columns.recipient')}</Table.Th>
                    <Table.Th>{t('emails.failed.columns.subject')}</Table.Th>
                    <Table.Th ta="right">{t('emails.failed.columns.attempts')}</Table.Th>
                    <Table.Th>{t('emails.failed.columns.lastError')}</Table.Th>
                    <Table.Th>{t('emails.failed.columns.failedAt')}</Table.Th>
                    <Table.Th>{t('emails.failed.columns.record')}</Table.Th>
                    <Table.Th w={1}>
                      <VisuallyHidden>{t('emails.failed.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {emails.map((email) => (
                    <FailedEmailRow
                      key={email.id}
                      email={email}
                      onRetry={send}
                      retrying={retry.isPending && retry.variables?.id === email.id}
                      disabled={retry.isPending}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.isError && (
              <Stack px="md" pb="md">
                <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
              </Stack>
            )}
            <Group justify="space-between" p="md" gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('emails.failed.shown', { count: emails.length })}
              </Text>
              {list.hasNextPage && (
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Card>
    </>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface FailedEmailRowProps {
  email: EmailMessage;
  onRetry: (email: EmailMessage) => void;
  retrying: boolean;
  disabled: boolean;
}

function FailedEmailRow({ email, onRetry, retrying, disabled }: FailedEmailRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const recipient = email.recipientName ?? email.recipientEmail;
  const link = email.subjectType && email.subjectId ? emailSubjectPath(email.subjectType, email.subjectId) : null;
  const linkText = email.subjectType ? t(`emails.failed.subjectType.${email.subjectType}`) : '';
  return (
    <Table.Tr data-testid="failed-email" data-email-id={email.id}>
      <Table.Td miw={220} maw={280}>
        {email.recipientName && (
          <Text size="sm" fw={600}>
            {email.recipientName}
          </Text>
        )}
        <Text size="sm" c={email.recipientName ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {email.recipientEmail}
        </Text>
      </Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {email.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`emails.template.${email.templateKey}`, { defaultValue: email.templateKey })}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{format.integer(email.attempts)}</Text>
      </Table.Td>
      <Table.Td maw={320}>
        {email.lastError && (
          <Tooltip label={email.lastError} multiline w={400} withArrow openDelay={200}>
            <Text
              size="sm"
              c="red.8"
              lineClamp={2}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="failed-email-error"
            >
              {email.lastError}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{email.failedAt ? format.dateTime(email.failedAt) : ''}</Text>
      </Table.Td>
      <Table.Td>
        {link ? (
          <Anchor component={Link} to={link} size="sm" data-testid="failed-email-record">
            {linkText}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('emails.failed.noRecord')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => onRetry(email)}
          loading={retrying}
          disabled={disabled && !retrying}
          aria-label={t('emails.failed.retryLabel', { subject: email.subject, recipient })}
          data-testid="retry-email"
        >
          {t('emails.failed.retry')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
