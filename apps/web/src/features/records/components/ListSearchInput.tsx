import { Loader, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

interface ListSearchInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A search refetching a list already shown: a small spinner instead of the list's skeleton. */
  refreshing: boolean;
  /** The width it starts from before sharing the row with the filters. */
  basis: number;
  testId: string;
}

/** The search box above a record list (its text reaches the address through `useListFilters`). */
export function ListSearchInput({ label, value, onChange, refreshing, basis, testId }: ListSearchInputProps) {
  return (
    <TextInput
      aria-label={label}
      placeholder={label}
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={refreshing ? <Loader size={14} aria-hidden /> : null}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      style={{ flex: `1 1 ${basis}px` }}
      data-testid={testId}
    />
  );
}
