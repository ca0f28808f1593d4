import { useState } from 'react';
import type { Contact } from '@irm/contracts';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useContactOptions } from '../hooks/use-events';

const SEARCH_DEBOUNCE_MS = 250;

interface ContactPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue'> {
  value: Contact | null;
  onChange: (contact: Contact | null) => void;
  /** Contacts not to offer (already chosen or already attending). */
  exclude?: ReadonlySet<string>;
}

/** Finds a person by name, email or phone (the server matches without diacritics), with their investor shown. */
export function ContactPicker({ value, onChange, exclude, ...props }: ContactPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.fullName ?? '');
  const typed = search === value?.fullName ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const contacts = useContactOptions(debounced);
  const found = (contacts.data ?? []).filter((contact) => !exclude?.has(contact.id));
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      {...props}
      searchable
      clearable
      data={options.map((contact) => ({ value: contact.id, label: contact.fullName }))}
      // Already filtered by the server; filtering again would hide typo-tolerant matches.
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((contact) => contact.id === id) ?? null)}
      nothingFoundMessage={contacts.isFetching ? t('common.loading') : t('events.attendees.noContactFound')}
      rightSection={contacts.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      maxDropdownHeight={300}
      renderOption={({ option }) => {
        const contact = options.find((c) => c.id === option.value);
        const detail = contact && [contact.organizationName, contact.email].filter(Boolean).join(' · ');
        return (
          <div>
            <div>{option.label}</div>
            {detail && <div style={{ fontSize: 12, opacity: 0.65 }}>{detail}</div>}
          </div>
        );
      }}
    />
  );
}
