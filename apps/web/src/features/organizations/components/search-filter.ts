import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';

/** "Việt Nam" and "viet nam" compare equal, as people often type without diacritics. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLocaleLowerCase();
}

const matches = (item: ComboboxItem, words: string[]) => {
  const haystack = `${foldDiacritics(item.label)} ${item.value.toLowerCase()}`;
  return words.every((word) => haystack.includes(word));
};

/** Matches every typed word against the option's label (without diacritics) and its code. */
export const diacriticInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const words = foldDiacritics(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (isOptionsGroup(option)) {
      const items = option.items.filter((item) => matches(item, words));
      if (items.length > 0) result.push({ ...option, items });
    } else if (matches(option, words)) {
      result.push(option);
    }
  }
  return result;
};
