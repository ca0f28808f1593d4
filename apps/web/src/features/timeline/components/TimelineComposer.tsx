import { useState, type FormEvent } from 'react';
import { RecordSubjectType, TimelineEntryKind, type AuthoredEntryKind } from '@irm/contracts';
import { toStoredBody, type ChosenMention } from '@irm/domain';
import {
  Box,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { IconNote, IconPhone, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateTimeField, FormError, toDateTimeInput } from '../../../shared/ui';
import { useCreateTimelineEntry } from '../hooks/use-timeline';
import { MentionTextarea } from './MentionTextarea';

interface Draft {
  text: string;
  mentions: ChosenMention[];
  occurredAt: string | null;
  durationMinutes: number | string;
  outcome: string;
  participants: string[];
}

const emptyDraft = (): Draft => ({
  text: '',
  mentions: [],
  occurredAt: new Date().toISOString(),
  durationMinutes: '',
  outcome: '',
  participants: [],
});

/** Writes a note, or logs a call or meeting with when, how long, what came of it and who took part. */
export function TimelineComposer({ subjectType, subjectId }: { subjectType: RecordSubjectType; subjectId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AuthoredEntryKind>(TimelineEntryKind.Note);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [missingText, setMissingText] = useState(false);
  const create = useCreateTimelineEntry(subjectType, subjectId);
  const isNote = kind === TimelineEntryKind.Note;
  const change = (values: Partial<Draft>) => setDraft((current) => ({ ...current, ...values }));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = toStoredBody(draft.text.trim(), draft.mentions);
    if (isNote && !body) {
      setMissingText(true);
      return;
    }
    create.mutate(
      isNote
        ? { kind, body }
        : {
            kind,
            body: body || null,
            occurredAt: draft.occurredAt ?? undefined,
            durationMinutes: typeof draft.durationMinutes === 'number' ? draft.durationMinutes : null,
            outcome: draft.outcome.trim() || null,
            participants: draft.participants,
          },
      {
        onSuccess: () => {
          setDraft(emptyDraft());
          setMissingText(false);
        },
      },
    );
  };

  const kinds = [
    { value: TimelineEntryKind.Note, label: t('timeline.kindNote'), icon: IconNote },
    { value: TimelineEntryKind.Call, label: t('timeline.kindCall'), icon: IconPhone },
    { value: TimelineEntryKind.Meeting, label: t('timeline.kindMeeting'), icon: IconUsers },
  ];

  return (
    <form onSubmit={submit} noValidate data-testid="timeline-composer">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('timeline.composerLabel')}
          value={kind}
          onChange={(value) => {
            setKind(value as AuthoredEntryKind);
            // A call or meeting is logged as having happened now unless the person says otherwise.
            change({ occurredAt: new Date().toISOString() });
          }}
          data={kinds.map(({ value, label, icon: Icon }) => ({
            value,
            label: (
              <Group gap={6} wrap="nowrap" justify="center">
                {/* Words alone on a phone, so all three fit. */}
                <Box visibleFrom="xs" display="flex">
                  <Icon size={16} aria-hidden />
                </Box>
                <span>{label}</span>
              </Group>
            ),
          }))}
          fullWidth
          data-testid="timeline-kind"
        />
        <MentionTextarea
          aria-label={isNote ? t('timeline.kindNote') : t('timeline.summaryLabel')}
          placeholder={isNote ? t('timeline.notePlaceholder') : t('timeline.summaryPlaceholder')}
          autosize
          minRows={2}
          maxRows={10}
          value={draft.text}
          onChange={(text) => {
            change({ text });
            if (text.trim()) setMissingText(false);
          }}
          mentions={draft.mentions}
          onMentionsChange={(mentions) => change({ mentions })}
          error={missingText ? t('timeline.noteRequired') : undefined}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
          }}
          data-testid="timeline-text"
        />
        {!isNote && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateTimeField
              label={t('timeline.occurredAt')}
              value={draft.occurredAt}
              onChange={(occurredAt) => change({ occurredAt })}
              max={toDateTimeInput(new Date().toISOString())}
            />
            <NumberInput
              label={t('timeline.duration')}
              min={1}
              max={1440}
              allowDecimal={false}
              value={draft.durationMinutes}
              onChange={(durationMinutes) => change({ durationMinutes })}
            />
            <TextInput
              label={t('timeline.outcome')}
              placeholder={t('timeline.outcomePlaceholder')}
              maxLength={500}
              value={draft.outcome}
              onChange={(event) => change({ outcome: event.currentTarget.value })}
            />
            <TagsInput
              label={t('timeline.participants')}
              description={t('timeline.participantsHint')}
              maxTags={30}
              value={draft.participants}
              onChange={(participants) => change({ participants })}
            />
          </SimpleGrid>
        )}
        <FormError error={create.error} title={t('timeline.addFailed')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="timeline-submit">
            {t('timeline.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
