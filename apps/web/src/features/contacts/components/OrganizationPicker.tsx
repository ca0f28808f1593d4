import { useMemo, useState, type ComponentProps } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useOrganizationOptions } from '../hooks/use-contacts';

const SEARCH_DEBOUNCE_MS = 250;

export interface OrganizationChoice {
  value: string;
  label: string;
}

interface OrganizationPickerProps {
  value: OrganizationChoice | null;
  onChange: (value: OrganizationChoice | null) => void;
  label?: string;
  description?: string;
  placeholder?: string;
  error?: string;
  clearable?: boolean;
  required?: boolean;
  'aria-label'?: string;
  w?: ComponentProps<typeof Select>['w'];
}

/** A searchable investor select: the server does the (diacritic-insensitive) matching, 20 at a time. */
export function OrganizationPicker({ value, onChange, ...props }: OrganizationPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.label ?? '');
  // Picking an option puts its name in the box; that is not a new search.
  const typed = search === value?.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const options = useOrganizationOptions(debounced);
  const data = useMemo(() => {
    const found = options.data ?? [];
    return value && !found.some((option) => option.value === value.value) ? [value, ...found] : found;
  }, [options.data, value]);
  return (
    <Select
      {...props}
      searchable
      clearable={props.clearable ?? true}
      data={data}
      // Already filtered by the server; filtering again would hide typo-tolerant matches.
      filter={({ options: all }) => all}
      value={value?.value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id && option ? { value: id, label: option.label } : null)}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('contacts.nothingFound')}
      rightSection={options.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      maxDropdownHeight={280}
    />
  );
}
