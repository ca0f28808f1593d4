import type { PipelineKind, TimelineEntry } from '@irm/contracts';
import { Badge, Box, Card, Divider, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState } from '../../../shared/ui';
import { KIND_SETTINGS } from '../../pipelines';
import { usePortalDocuments, usePortalThread } from '../hooks/use-investor-portal';
import {
  DocumentLink,
  PortalEntryDetail,
  PortalEntryIcon,
  portalEntryAuthor,
  portalEntryColor,
  portalEntryTitle,
  portalPayload,
} from './portal-entries';
import { PortalReplyBox } from './PortalReplyBox';

interface PortalPanelProps {
  kind: PipelineKind;
  itemId: string;
  /** The owner or a manager: only they may write to the investor (the server says the same). */
  canReply: boolean;
}

/**
 * What the investor and the agency said to each other through the portal, the files the investor sent, and the
 * reply box. Shown only for items that came through the portal (they have portal entries).
 */
export function PortalPanel({ kind, itemId, canReply }: PortalPanelProps) {
  const { t } = useTranslation();
  const { resource, subjectType } = KIND_SETTINGS[kind];
  const thread = usePortalThread(subjectType, itemId);
  const fromPortal = (thread.data?.length ?? 0) > 0;
  const documents = usePortalDocuments(itemId, fromPortal);
  const titleId = `portal-${itemId}-title`;

  // Items entered by staff have no thread: nothing to show, and no skeleton flashing on every record page.
  if (thread.isPending || (thread.isSuccess && !fromPortal)) return null;
  if (thread.isError) {
    return (
      <Card withBorder radius="lg" padding="lg">
        <ErrorState error={thread.error} onRetry={() => void thread.refetch()} retrying={thread.isFetching} />
      </Card>
    );
  }

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby={titleId} data-testid="portal-panel">
      <Group gap="sm" mb={4} wrap="nowrap">
        <ThemeIcon variant="light" color="cyan" radius="xl" size={30}>
          <IconWorld size={18} aria-hidden />
        </ThemeIcon>
        <Title order={2} fz="lg" id={titleId}>
          {t('portalStaff.panelTitle')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('portalStaff.panelDescription')}
      </Text>

      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="portal-thread">
        {thread.data.map((entry) => (
          <ThreadEntry key={entry.id} entry={entry} />
        ))}
      </Stack>

      <Divider my="lg" />
      <Title order={3} fz="md" mb="xs">
        {t('portalStaff.documentsTitle')}
      </Title>
      {documents.isPending ? (
        <Skeleton height={18} width="50%" />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} retrying={documents.isFetching} />
      ) : documents.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="portal-documents-empty">
          {t('portalStaff.documentsEmpty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="portal-documents">
          {documents.data.map((document) => (
            <DocumentRow key={document.id} {...document} />
          ))}
        </Stack>
      )}

      <Divider my="lg" />
      {canReply ? (
        <PortalReplyBox resource={resource} subjectType={subjectType} itemId={itemId} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="portal-reply-readonly">
          {t('portalStaff.replyReadOnly')}
        </Text>
      )}
    </Card>
  );
}

function DocumentRow({
  id,
  fileName,
  contentType,
  sizeBytes,
  uploadedAt,
}: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}) {
  const format = useFormatters();
  return (
    <Group component="li" gap="sm" justify="space-between" wrap="wrap" data-testid="portal-document">
      <DocumentLink id={id} fileName={fileName} sizeBytes={sizeBytes} />
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light" color="gray" radius="sm" tt="none">
          {typeLabel(contentType)}
        </Badge>
        <Text size="xs" c="dimmed">
          {format.dateTime(uploadedAt)}
        </Text>
      </Group>
    </Group>
  );
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

function typeLabel(contentType: string): string {
  return TYPE_LABELS[contentType] ?? contentType;
}

/** One turn of the conversation: the investor's on the left, ours indented from the right. */
function ThreadEntry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const agency = portalPayload(entry).from === 'agency';
  const color = portalEntryColor(entry);
  return (
    <Box component="li" ml={agency ? { base: 'md', sm: 64 } : 0} mr={agency ? 0 : { base: 'md', sm: 64 }}>
      <Paper
        withBorder
        radius="md"
        p="sm"
        style={{ borderColor: `var(--mantine-color-${color}-3)` }}
        data-testid="portal-thread-entry"
        data-from={agency ? 'agency' : 'investor'}
        data-event={portalPayload(entry).event}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start" mb={6}>
          <ThemeIcon size={24} radius="xl" variant="light" color={color}>
            <PortalEntryIcon entry={entry} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {portalEntryTitle(entry, t)}
            </Text>
            <Text size="xs" c="dimmed">
              {portalEntryAuthor(entry, t)} · {format.dateTime(entry.occurredAt)}
            </Text>
          </div>
        </Group>
        <Stack gap={6}>
          <PortalEntryDetail entry={entry} />
        </Stack>
      </Paper>
    </Box>
  );
}
