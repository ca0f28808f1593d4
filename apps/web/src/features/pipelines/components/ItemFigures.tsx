import type { BoardCard } from '@irm/contracts';
import { Group, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useFormatters } from '../../../shared/i18n';
import { useMoneyFormat } from '../hooks/use-money-format';

/**
 * The figure an item is about: hectares and zone for land, capital for a prospect, the amount for a loan. Full
 * items and board cards name these fields alike; an item of a kind without figures shows nothing.
 */
export function ItemFigures({ item, size = 'sm' }: { item: BoardCard; size?: 'xs' | 'sm' }) {
  const format = useFormatters();
  const money = useMoneyFormat();
  const parts: string[] = [];
  if (typeof item.requestedAreaHa === 'number') parts.push(format.hectares(item.requestedAreaHa));
  if (typeof item.requestedVnd === 'number') parts.push(money.vndShort(item.requestedVnd));
  if (typeof item.capitalUsd === 'number') parts.push(money.usdShort(item.capitalUsd));
  const zone = item.zoneName ?? null;
  if (parts.length === 0 && !zone) return null;
  return (
    <Group gap={8} wrap="wrap" data-testid="item-figures">
      {parts.length > 0 && (
        <Text size={size} fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {parts.join(' · ')}
        </Text>
      )}
      {zone && (
        <Group gap={2} wrap="nowrap" miw={0}>
          <IconMapPin size={13} aria-hidden style={{ flexShrink: 0, opacity: 0.55 }} />
          <Text size={size} c="dimmed" truncate="end">
            {zone}
          </Text>
        </Group>
      )}
    </Group>
  );
}
