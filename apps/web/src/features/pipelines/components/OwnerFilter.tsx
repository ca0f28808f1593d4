import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useColleagues } from '../../people';

const SEARCH_DEBOUNCE_MS = 250;

/** Names of owners seen in this visit, so a filter set from the address can show whose items these are. */
const knownNames = new Map<string, string>();

export function rememberOwner(id: string, name: string) {
  knownNames.set(id, name);
}

interface OwnerFilterProps {
  value: string | undefined;
  onChange: (ownerId: string | null) => void;
}

/** Filters by one owner; colleagues are looked up on the server as one types. */
export function OwnerFilter({ value, onChange }: OwnerFilterProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const current = value ? (knownNames.get(value) ?? '') : '';
  const colleagues = useColleagues(debounced === current ? '' : debounced);
  const found = (colleagues.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const data =
    value && !found.some((option) => option.value === value)
      ? [{ value, label: current || t('pipelines.filters.chosenOwner') }, ...found]
      : found;
  return (
    <Select
      aria-label={t('pipelines.filters.owner')}
      placeholder={t('pipelines.filters.anyOwner')}
      searchable
      clearable
      data={data}
      value={value ?? null}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id, option) => {
        if (id && option) rememberOwner(id, option.label);
        onChange(id);
      }}
      nothingFoundMessage={colleagues.isFetching ? t('common.loading') : t('pipelines.filters.noOwner')}
      w={{ base: '100%', xs: 200 }}
      data-testid="filter-owner"
    />
  );
}
