import type { PipelineItemBase } from '@irm/contracts';
import { Group, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useFormatters } from '../../../shared/i18n';
import { useMoneyFormat } from '../hooks/use-money-format';

/**
 * The figure an item is about, when the copy at hand has it: hectares and zone for land, capital for a prospect,
 * the amount for a loan. Board cards may carry only the common fields; then nothing is shown.
 */
export function ItemFigures({ item, size = 'sm' }: { item: PipelineItemBase; size?: 'xs' | 'sm' }) {
  const format = useFormatters();
  const money = useMoneyFormat();
  const fields = item as unknown as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof fields.requestedAreaHa === 'number') parts.push(format.hectares(fields.requestedAreaHa));
  if (typeof fields.requestedVnd === 'number') parts.push(money.vndShort(fields.requestedVnd));
  if (typeof fields.capitalUsd === 'number') parts.push(money.usdShort(fields.capitalUsd));
  const zone = typeof fields.zoneName === 'string' ? fields.zoneName : null;
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
