import { useState } from 'react';
import type { UserSummary } from '@irm/contracts';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useColleagues } from '../hooks/use-colleagues';

const SEARCH_DEBOUNCE_MS = 250;

interface ColleaguePickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue'> {
  value: UserSummary | null;
  onChange: (colleague: UserSummary | null) => void;
}

/** Chooses one colleague by typing part of their name or email; the list comes from the server as one types. */
export function ColleaguePicker({ value, onChange, ...props }: ColleaguePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  // While the chosen name is shown in the box, list everyone rather than only that name.
  const colleagues = useColleagues(value && debounced === value.name ? '' : debounced);
  const found = colleagues.data ?? [];
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      {...props}
      searchable
      data={options.map((c) => ({ value: c.id, label: c.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={colleagues.isFetching ? t('common.loading') : t('timeline.mentionNoMatch')}
      renderOption={({ option }) => {
        const colleague = options.find((c) => c.id === option.value);
        return (
          <div>
            <div>{option.label}</div>
            {colleague && <div style={{ fontSize: 12, opacity: 0.65 }}>{colleague.email}</div>}
          </div>
        );
      }}
    />
  );
}
