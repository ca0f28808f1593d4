import type { PortalTimelinePayload, TimelineEntry } from '@irm/contracts';
import { Anchor, Group, Paper, Text } from '@mantine/core';
import {
  IconArrowBackUp,
  IconFileDownload,
  IconMessage,
  IconPaperclip,
  IconRefresh,
  IconWorldUpload,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { portalDocumentUrl } from '../api/investor-portal.api';

type PortalEvent = PortalTimelinePayload['event'];

const ICONS: Record<PortalEvent, Icon> = {
  submitted: IconWorldUpload,
  resubmitted: IconRefresh,
  message: IconMessage,
  reply: IconArrowBackUp,
  document: IconPaperclip,
};

/** The payload of a `portal_message` entry; older or odd rows fall back to an investor's message. */
export function portalPayload(entry: TimelineEntry): PortalTimelinePayload {
  const payload = (entry.payload ?? {}) as Partial<PortalTimelinePayload>;
  const event = payload.event && payload.event in ICONS ? payload.event : 'message';
  return { ...payload, event, from: payload.from ?? (event === 'reply' ? 'agency' : 'investor') };
}

export function PortalEntryIcon({ entry }: { entry: TimelineEntry }) {
  const Icon = ICONS[portalPayload(entry).event];
  return <Icon size={14} aria-hidden />;
}

/** The investor's side in one colour, ours in another, wherever the entries show. */
export function portalEntryColor(entry: TimelineEntry): string {
  return portalPayload(entry).from === 'agency' ? 'teal' : 'cyan';
}

export function portalEntryTitle(entry: TimelineEntry, t: TFunction): string {
  return t(`portalStaff.event.${portalPayload(entry).event}`);
}

/** Who wrote it: the colleague who replied, or the investor (no account, so no name of a user). */
export function portalEntryAuthor(entry: TimelineEntry, t: TFunction): string {
  return portalPayload(entry).from === 'agency' && entry.authorName ? entry.authorName : t('portalStaff.investor');
}

/** The fields of the public forms, as a repeated form names them. */
const FIELD_KEYS = new Set([
  'fullName',
  'email',
  'phone',
  'position',
  'companyName',
  'taxCode',
  'country',
  'message',
  'zoneId',
  'requestedAreaHa',
  'sector',
  'capitalUsd',
  'expectedJobs',
  'wantedBy',
  'applicantType',
  'lender',
  'lenderKind',
  'purpose',
  'requestedVnd',
  'termMonths',
]);

function fieldLabel(field: string, t: TFunction): string {
  return FIELD_KEYS.has(field) ? t(`portalStaff.field.${field as 'sector'}`) : field;
}

export function useFileSize() {
  const [language] = useLanguage();
  const locale = language === 'vi' ? 'vi-VN' : 'en-US';
  return (bytes: number) => {
    const [value, unit] =
      bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'B'];
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'B' ? 0 : 1 }).format(value)} ${unit}`;
  };
}

export function DocumentLink({ id, fileName, sizeBytes }: { id: string; fileName: string; sizeBytes?: number }) {
  const { t } = useTranslation();
  const size = useFileSize();
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <IconFileDownload size={16} aria-hidden style={{ flex: 'none' }} />
      <Anchor
        href={portalDocumentUrl(id)}
        download={fileName}
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
        aria-label={t('portalStaff.download', { name: fileName })}
        data-testid="portal-document-link"
      >
        {fileName}
      </Anchor>
      {sizeBytes !== undefined && (
        <Text span size="xs" c="dimmed" style={{ flex: 'none' }}>
          {size(sizeBytes)}
        </Text>
      )}
    </Group>
  );
}

/**
 * What a portal entry says: the investor's words or our reply in a box of its side's colour, labelled with who
 * reads it, an uploaded file as a download link, a repeated form with the fields that changed.
 */
export function PortalEntryDetail({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const payload = portalPayload(entry);
  const agency = payload.from === 'agency';
  const color = portalEntryColor(entry);
  return (
    <>
      {entry.body && (
        <Paper
          radius="md"
          px="sm"
          py={8}
          bg={`var(--mantine-color-${color}-light)`}
          style={{ borderInlineStart: `3px solid var(--mantine-color-${color}-6)` }}
          data-testid="portal-entry-body"
          data-from={payload.from}
        >
          <Text size="xs" fw={600} c={`${color}.9`} mb={2}>
            {agency ? t('portalStaff.replyLabel') : t('portalStaff.investorWords')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.body}
          </Text>
        </Paper>
      )}
      {payload.event === 'document' && payload.documentId && payload.fileName && (
        <DocumentLink id={payload.documentId} fileName={payload.fileName} sizeBytes={payload.sizeBytes} />
      )}
      {payload.event === 'resubmitted' && payload.fields && payload.fields.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('portalStaff.changedFields', { fields: payload.fields.map((field) => fieldLabel(field, t)).join(', ') })}
        </Text>
      )}
    </>
  );
}
