import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { activeMentionQuery, type ChosenMention } from '@irm/domain';
import { Avatar, Combobox, Group, Text, Textarea, useCombobox, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useColleagues } from '../../people';

const SEARCH_DEBOUNCE_MS = 200;

/** Lower case without diacritics ("Trần" → "tran", "Đức" → "duc"), as the server compares names. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** The colleagues picked so far; the text shows each as "@Name". */
  mentions: readonly ChosenMention[];
  onMentionsChange: (mentions: ChosenMention[]) => void;
}

/** A text area where typing "@" and part of a name offers colleagues to mention (arrows and Enter pick one). */
export function MentionTextarea({ value, onChange, mentions, onMentionsChange, ...props }: MentionTextareaProps) {
  const { t } = useTranslation();
  const combobox = useCombobox();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [active, setActive] = useState<{ start: number; query: string } | null>(null);
  const [query] = useDebouncedValue(active?.query.trim() ?? '', SEARCH_DEBOUNCE_MS);
  const colleagues = useColleagues(query, active !== null);
  // The server's answer may be for fewer letters than are typed by now: keep only who still matches.
  const typed = fold(active?.query.trim() ?? '');
  const options = active ? (colleagues.data ?? []).filter((c) => fold(`${c.name} ${c.email}`).includes(typed)) : [];
  const open = options.length > 0;

  useEffect(() => {
    if (open) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
    // The store's methods are stable; only what is offered decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, options.map((o) => o.id).join()]);

  /** Whether the caret sits just after an "@…" being typed (not after a name already picked). */
  const track = (text: string, caret: number) => {
    const typed = activeMentionQuery(text, caret);
    const picked = typed && mentions.some((m) => typed.query === m.name || typed.query.startsWith(`${m.name} `));
    setActive(typed && !picked ? typed : null);
  };

  const pick = (id: string) => {
    const person = options.find((o) => o.id === id);
    const element = textarea.current;
    if (!person || !active || !element) return;
    const caret = element.selectionStart;
    const inserted = `@${person.name} `;
    onChange(`${value.slice(0, active.start)}${inserted}${value.slice(caret)}`);
    onMentionsChange([...mentions.filter((m) => m.id !== person.id), { id: person.id, name: person.name }]);
    setActive(null);
    const position = active.start + inserted.length;
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(position, position);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal>
      <Combobox.Target withKeyboardNavigation={open} withAriaAttributes={open}>
        <Textarea
          {...props}
          ref={textarea}
          value={value}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            track(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyUp={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (CARET_KEYS.has(event.key)) track(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onBlur={() => setActive(null)}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!open}>
        <Combobox.Options aria-label={t('timeline.mentionListLabel')} data-testid="mention-options">
          {options.map((colleague) => (
            <Combobox.Option value={colleague.id} key={colleague.id}>
              <Group gap="sm" wrap="nowrap">
                <Avatar name={colleague.name} color="initials" radius="xl" size={26} aria-hidden />
                <div>
                  <Text size="sm" fw={500}>
                    {colleague.name}
                  </Text>
                  {/* Dimmed by opacity, so it stays readable on the highlighted option too. */}
                  <Text size="xs" opacity={0.7}>
                    {colleague.email}
                  </Text>
                </div>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
