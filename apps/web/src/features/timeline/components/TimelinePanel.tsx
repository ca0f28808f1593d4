import type { RecordSubjectType } from '@irm/contracts';
import { Button, Card, Divider, Skeleton, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui';
import { useCurrentUser } from '../../auth';
import { useTimeline } from '../hooks/use-timeline';
import { TimelineComposer } from './TimelineComposer';
import { EntryBullet, entryColor, TimelineEntryContent } from './TimelineEntryItem';

interface TimelinePanelProps {
  subjectType: RecordSubjectType;
  subjectId: string;
}

/** What happened with a record, newest first: notes, calls, meetings, edits, tasks, emails; and a place to add to it. */
export function TimelinePanel({ subjectType, subjectId }: TimelinePanelProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const timeline = useTimeline(subjectType, subjectId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const titleId = `timeline-${subjectId}-title`;

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby={titleId} data-testid="timeline">
      <Title order={2} fz="lg" mb="md" id={titleId}>
        {t('timeline.title')}
      </Title>
      <TimelineComposer subjectType={subjectType} subjectId={subjectId} />
      <Divider my="lg" />
      {timeline.isPending ? (
        <Stack gap="md" aria-busy="true">
          {[0, 1, 2].map((row) => (
            <Stack key={row} gap={6}>
              <Skeleton height={14} width="40%" />
              <Skeleton height={12} width="75%" />
            </Stack>
          ))}
        </Stack>
      ) : timeline.isError && entries.length === 0 ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} retrying={timeline.isFetching} />
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="timeline-empty">
          {t('timeline.empty')}
        </Text>
      ) : (
        <>
          <Timeline bulletSize={28} lineWidth={2} active={-1} data-testid="timeline-entries">
            {entries.map((entry) => (
              <Timeline.Item
                key={entry.id}
                bullet={
                  <ThemeIcon size={28} radius="xl" variant="light" color={entryColor(entry)}>
                    <EntryBullet entry={entry} />
                  </ThemeIcon>
                }
              >
                <TimelineEntryContent entry={entry} me={me} />
              </Timeline.Item>
            ))}
          </Timeline>
          {timeline.hasNextPage && (
            <Button
              variant="default"
              fullWidth
              mt="md"
              onClick={() => void timeline.fetchNextPage()}
              loading={timeline.isFetchingNextPage}
              data-testid="timeline-load-more"
            >
              {t('timeline.loadMore')}
            </Button>
          )}
          {timeline.isError && (
            <ErrorState
              error={timeline.error}
              onRetry={() => void timeline.fetchNextPage()}
              retrying={timeline.isFetching}
            />
          )}
        </>
      )}
    </Card>
  );
}
