import { useMemo, useState, type FormEvent } from 'react';
import { MAX_BULK_ATTENDEES, type BulkAddAttendeesResult, type Contact, type PromotionEvent } from '@irm/contracts';
import { Alert, Button, Group, List, Modal, Pill, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/ui';
import { useAddAttendees } from '../hooks/use-events';
import { ContactPicker } from './ContactPicker';
import { parseEmails } from './emails';

/**
 * Adds many people at once: picked one by one, or pasted as a list of emails (a sign-in sheet, a registration
 * export). Those already attending are skipped and said so; unknown emails are listed to add as contacts first.
 */
export function BulkAttendeesModal({
  event,
  opened,
  onClose,
}: {
  event: PromotionEvent;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('events.bulk.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <BulkForm event={event} onDone={onClose} />}
    </Modal>
  );
}

function BulkForm({ event, onDone }: { event: PromotionEvent; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddAttendees(event.id);
  const [picked, setPicked] = useState<Contact[]>([]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<BulkAddAttendeesResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = useMemo(() => parseEmails(text), [text]);
  const pickedIds = useMemo(() => new Set(picked.map((contact) => contact.id)), [picked]);
  const total = picked.length + parsed.emails.length;

  if (result) return <BulkResult result={result} onDone={onDone} />;

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (total === 0) return setProblem(t('events.bulk.nothing'));
    if (parsed.invalid.length) return setProblem(t('events.bulk.invalidEmails', { emails: parsed.invalid.join(', ') }));
    if (total > MAX_BULK_ATTENDEES) return setProblem(t('events.bulk.tooMany', { max: MAX_BULK_ATTENDEES }));
    add.mutate({ contactIds: picked.map((contact) => contact.id), emails: parsed.emails }, { onSuccess: setResult });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="bulk-attendees-form">
      <Stack gap="md">
        <FormError error={add.error} title={t('events.bulk.failed')} />
        <ContactPicker
          label={t('events.bulk.pick')}
          placeholder={t('events.attendees.personPlaceholder')}
          value={null}
          exclude={pickedIds}
          onChange={(contact) => {
            if (contact) setPicked((current) => [...current, contact]);
            setProblem(null);
          }}
          data-testid="bulk-contact"
        />
        {picked.length > 0 && (
          <Group gap={6}>
            {picked.map((contact) => (
              <Pill
                key={contact.id}
                withRemoveButton
                onRemove={() => setPicked((current) => current.filter((c) => c.id !== contact.id))}
                removeButtonProps={{ 'aria-label': t('events.bulk.unpick', { name: contact.fullName }) }}
              >
                {contact.fullName}
              </Pill>
            ))}
          </Group>
        )}
        <Textarea
          label={t('events.bulk.paste')}
          description={t('events.bulk.pasteHint')}
          placeholder={'an.nguyen@example.com\nkim.lee@example.kr'}
          autosize
          minRows={4}
          maxRows={10}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setProblem(null);
          }}
          data-testid="bulk-emails"
        />
        {problem && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('events.bulk.count', { count: total })}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onDone} disabled={add.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="bulk-submit">
              {t('events.bulk.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function BulkResult({ result, onDone }: { result: BulkAddAttendeesResult; onDone: () => void }) {
  const { t } = useTranslation();
  const byReason = (reason: string) => result.skippedEntries.filter((entry) => entry.reason === reason);
  const already = byReason('already_attendee');
  const unknownEmails = byReason('unknown_email');
  const unknownContacts = byReason('unknown_contact');
  return (
    <Stack gap="md" data-testid="bulk-result">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={t('events.bulk.added', { count: result.added })}
      >
        {result.skipped > 0 ? t('events.bulk.skipped', { count: result.skipped }) : t('events.bulk.allAdded')}
      </Alert>
      {already.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('events.bulk.alreadyTitle', { count: already.length })}
          </Text>
          <Text size="sm" c="dimmed">
            {already.map((entry) => entry.email ?? entry.contactId).join(', ')}
          </Text>
        </div>
      )}
      {unknownEmails.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('events.bulk.unknownTitle', { count: unknownEmails.length })}
          </Text>
          <Text size="sm" c="dimmed" mb={4}>
            {t('events.bulk.unknownHint')}
          </Text>
          <List size="sm" spacing={2}>
            {unknownEmails.map((entry) => (
              <List.Item key={entry.email}>{entry.email}</List.Item>
            ))}
          </List>
        </div>
      )}
      {unknownContacts.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('events.bulk.goneContacts', { count: unknownContacts.length })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone} data-testid="bulk-done">
          {t('events.bulk.done')}
        </Button>
      </Group>
    </Stack>
  );
}
