import { useState } from 'react';
import { StageType, type EventContact } from '@irm/contracts';
import { Button } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { eventContactConversion } from '../conversion';
import { ConvertedItemLink, ConvertModal } from './ConvertModal';

/**
 * On an event contact's page: "Convert" for whoever may change it, or, once converted, the way to what it became
 * (for everyone). The dialog stays open after the conversion to offer the new item's page.
 */
export function EventContactConversion({ item, canConvert }: { item: EventContact; canConvert: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      {item.convertedItemId && item.convertedItemKind ? (
        <ConvertedItemLink
          kind={item.convertedItemKind}
          id={item.convertedItemId}
          variant="light"
          label={t(`events.convert.became.${item.convertedItemKind}`)}
        />
      ) : (
        canConvert &&
        item.stageType !== StageType.Won && (
          <Button
            variant="light"
            leftSection={<IconArrowsExchange size={16} aria-hidden />}
            onClick={() => setOpened(true)}
            data-testid="convert-event-contact"
          >
            {t('events.convert.action')}
          </Button>
        )
      )}
      <ConvertModal subject={opened ? eventContactConversion(item) : null} onClose={() => setOpened(false)} />
    </>
  );
}
