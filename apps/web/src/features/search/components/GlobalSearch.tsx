import type { SearchHit, SearchHitType } from '@irm/contracts';
import { ActionIcon, Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconBuildingFactory2, IconBuildingSkyscraper, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../../shared/api';
import { contactPath } from '../../contacts';
import { investorPath } from '../../organizations';
import { zonePath } from '../../zones';
import { searchEverything } from '../api/search.api';
import classes from './GlobalSearch.module.css';

const MIN_LENGTH = 2;
const TYPE_ORDER: SearchHitType[] = ['organization', 'contact', 'zone'];
const ICONS = { organization: IconBuildingSkyscraper, contact: IconAddressBook, zone: IconBuildingFactory2 };
const PATHS: Record<SearchHitType, (id: string) => string> = {
  organization: investorPath,
  contact: contactPath,
  zone: zonePath,
};

/** The header's search button; Ctrl+K (⌘K on a Mac) opens it from anywhere. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  // Also from inside form fields: the shortcut means the same everywhere.
  useHotkeys([['mod+K', open]], []);
  return (
    <>
      <Button
        variant="default"
        size="sm"
        visibleFrom="sm"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">Ctrl K</Kbd>}
        onClick={open}
        className={classes.trigger}
      >
        {t('search.open')}
      </Button>
      <ActionIcon variant="default" size="lg" hiddenFrom="sm" onClick={open} aria-label={t('search.open')}>
        <IconSearch size={18} />
      </ActionIcon>
      <Modal
        opened={opened}
        onClose={close}
        withCloseButton={false}
        size="lg"
        yOffset="10vh"
        padding={0}
        aria-label={t('search.label')}
      >
        {opened && <SearchPanel onDone={close} />}
      </Modal>
    </>
  );
}

function SearchPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [query] = useDebouncedValue(text.trim(), 200);
  const enabled = query.length >= MIN_LENGTH;
  const results = useQuery({
    queryKey: queryKeys.search(query),
    queryFn: ({ signal }) => searchEverything(query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
  // Grouped by type for reading; the keyboard walks the same order.
  const hits = enabled
    ? TYPE_ORDER.flatMap((type) => (results.data?.hits ?? []).filter((hit) => hit.type === type))
    : [];
  const current = Math.min(active, Math.max(hits.length - 1, 0));

  const openHit = (hit: SearchHit) => {
    onDone();
    void navigate(PATHS[hit.type](hit.id));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length) setActive((current + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter' && hits[current]) {
      event.preventDefault();
      openHit(hits[current]);
    }
  };

  return (
    <Stack gap={0}>
      <TextInput
        data-autofocus
        size="lg"
        variant="unstyled"
        className={classes.input}
        leftSection={<IconSearch size={20} />}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length ? `${listId}-${current}` : undefined}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={t('search.label')} className={classes.results}>
        {!enabled && <Text className={classes.note}>{t('search.hint')}</Text>}
        {enabled && results.isError && <Text className={classes.note}>{t('search.failed')}</Text>}
        {enabled && results.isSuccess && !results.isPlaceholderData && hits.length === 0 && (
          <Text className={classes.note}>{t('search.empty', { query })}</Text>
        )}
        {TYPE_ORDER.map((type) => {
          const group = hits.filter((hit) => hit.type === type);
          if (!group.length) return null;
          const Icon = ICONS[type];
          return (
            <div key={type} role="group" aria-label={t(`search.type.${type}`)}>
              <Text className={classes.groupLabel}>{t(`search.type.${type}`)}</Text>
              {group.map((hit) => {
                const index = hits.indexOf(hit);
                return (
                  <UnstyledButton
                    key={`${hit.type}-${hit.id}`}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === current}
                    data-active={index === current || undefined}
                    className={classes.hit}
                    tabIndex={-1}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => openHit(hit)}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Icon size={18} stroke={1.6} className={classes.icon} />
                      <div className={classes.hitText}>
                        <Text size="sm" fw={500} truncate>
                          {hit.title}
                        </Text>
                        {hit.subtitle && (
                          <Text size="xs" c="dimmed" truncate>
                            {hit.subtitle}
                          </Text>
                        )}
                      </div>
                    </Group>
                  </UnstyledButton>
                );
              })}
            </div>
          );
        })}
      </div>
      <Text className={classes.footer}>{t('search.keys')}</Text>
    </Stack>
  );
}
