import { AuditAction, type AuditEvent } from '@irm/contracts';
import { Card, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconHistory, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState } from '../../../shared/ui';
import { isForbidden, useRecordHistory } from '../hooks/versioned-records';
import type { FieldDisplay } from './field-display';

const ACTION_ICONS: Partial<Record<AuditAction, typeof IconPlus>> = {
  [AuditAction.Create]: IconPlus,
  [AuditAction.Update]: IconPencil,
  [AuditAction.Delete]: IconTrash,
};
// Bookkeeping fields say nothing to a person.
const BOOKKEEPING_FIELDS = ['version', 'updatedAt', 'createdAt', 'id'];

interface RecordHistoryProps {
  /** The audit subject type, e.g. `contact`. */
  subjectType: string;
  subjectId: string;
  enabled: boolean;
  /** Names the section: its test id is `${name}-history`. */
  name: string;
  title: string;
  emptyText: string;
  display: FieldDisplay;
  /** Owners are recorded by id; names come from the user list where this person may read it. */
  ownerNames: ReadonlyMap<string, string>;
  /** Fields not to list besides the bookkeeping ones, e.g. linked ids that come with their names. */
  hiddenFields?: readonly string[];
}

/** Who changed what and when. Only managers and admins may read the audit trail; for others it is not shown. */
export function RecordHistory({
  subjectType,
  subjectId,
  enabled,
  name,
  title,
  emptyText,
  display,
  ownerNames,
  hiddenFields = [],
}: RecordHistoryProps) {
  const history = useRecordHistory(subjectType, subjectId, enabled);
  // The server has the last word on who may read it: a refusal hides the panel rather than showing an error.
  if (!enabled || isForbidden(history.error)) return null;
  const hidden = new Set([...BOOKKEEPING_FIELDS, ...hiddenFields]);
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-labelledby={`${name}-history-title`}
      data-testid={`${name}-history`}
    >
      <Title order={2} fz="lg" mb="md" id={`${name}-history-title`}>
        {title}
      </Title>
      {history.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={16} width="60%" />
          <Skeleton height={12} width="80%" />
          <Skeleton height={16} width="50%" mt="sm" />
        </Stack>
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1}>
          {history.data.items.map((event) => (
            <HistoryItem key={event.id} event={event} ownerNames={ownerNames} display={display} hidden={hidden} />
          ))}
        </Timeline>
      )}
    </Card>
  );
}

interface HistoryItemProps {
  event: AuditEvent;
  ownerNames: ReadonlyMap<string, string>;
  display: FieldDisplay;
  hidden: ReadonlySet<string>;
}

function HistoryItem({ event, ownerNames, display, hidden, ...timelineProps }: HistoryItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const Icon = ACTION_ICONS[event.action] ?? IconHistory;
  const title =
    event.action === AuditAction.Create || event.action === AuditAction.Update || event.action === AuditAction.Delete
      ? t(`investors.historyAction.${event.action}`)
      : t('investors.historyAction.other');
  const changes = Object.entries(event.changes ?? {}).filter(([field]) => !hidden.has(field));
  const showValue = (field: string, value: unknown) =>
    field === 'ownerId' && typeof value === 'string'
      ? (ownerNames.get(value) ?? t('investors.historyAnotherPerson'))
      : display.value(field, value);
  return (
    <Timeline.Item
      {...timelineProps}
      bullet={<Icon size={14} aria-hidden />}
      title={
        <Text size="sm" fw={600}>
          {title}
        </Text>
      }
      data-testid="history-item"
    >
      <Text size="xs" c="dimmed">
        {t('investors.historyBy', {
          name: event.actorName ?? t('investors.historySystem'),
          when: format.dateTime(event.occurredAt),
        })}
      </Text>
      {event.action === AuditAction.Update && changes.length > 0 && (
        <Stack gap={2} mt={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {changes.map(([field, change]) => (
            <Text key={field} component="li" size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span size="sm" fw={500}>
                {display.label(field)}:
              </Text>{' '}
              <Text span size="sm" c="dimmed" td="line-through">
                {showValue(field, change.before)}
              </Text>{' '}
              → {showValue(field, change.after)}
            </Text>
          ))}
        </Stack>
      )}
    </Timeline.Item>
  );
}
