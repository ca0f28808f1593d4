import type { ReactNode } from 'react';
import { Alert, Anchor, Card, EmptyState, Group, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api';
import { ConfirmModal, ErrorState } from '../../../shared/ui';
import { isForbidden, isStaleVersion } from '../hooks/versioned-records';

/** Back to the list the person came from. */
export function RecordBackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {children}
      </Group>
    </Anchor>
  );
}

/** The record page while its record loads. */
export function RecordSkeleton({ testId }: { testId: string }) {
  return (
    <Stack gap="lg" aria-busy="true" data-testid={testId}>
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="45%" />
      <Skeleton height={18} width="30%" />
      <Skeleton height={280} radius="lg" />
    </Stack>
  );
}

interface RecordLoadFailedProps {
  query: { error: unknown; isFetching: boolean; refetch: () => Promise<unknown> };
  backLink: ReactNode;
  /** Shown for a 404: the record does not exist or was deleted. */
  notFound: { icon: ReactNode; title: ReactNode; description: ReactNode; testId: string };
}

/** The record page when its record could not be loaded: not found, or an error with a retry. */
export function RecordLoadFailed({ query, backLink, notFound }: RecordLoadFailedProps) {
  const missing = isApiError(query.error) && query.error.status === 404;
  return (
    <Stack gap="lg">
      {backLink}
      {missing ? (
        <Card withBorder radius="lg">
          <EmptyState
            py="xl"
            icon={notFound.icon}
            title={notFound.title}
            description={notFound.description}
            data-testid={notFound.testId}
          />
        </Card>
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      )}
    </Stack>
  );
}

interface DeleteRecordModalProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** The failed delete, if any. */
  error: unknown;
  failedTitle: ReactNode;
  staleMessage: ReactNode;
  forbiddenMessage: ReactNode;
  /** Which failure means someone else saved first; the 409 `stale_version` unless told. */
  isStale?: (error: unknown) => boolean;
}

/** Asks before deleting a record and explains a refused delete. */
export function DeleteRecordModal({
  error,
  failedTitle,
  staleMessage,
  forbiddenMessage,
  isStale = isStaleVersion,
  ...confirm
}: DeleteRecordModalProps) {
  const { t } = useTranslation();
  return (
    <ConfirmModal {...confirm} destructive>
      {error != null && (
        <Alert color="red" variant="light" role="alert" title={failedTitle}>
          {isStale(error)
            ? staleMessage
            : isForbidden(error)
              ? forbiddenMessage
              : isApiError(error)
                ? (error.problem.detail ?? error.problem.title)
                : t('errors.unexpected')}
        </Alert>
      )}
    </ConfirmModal>
  );
}
