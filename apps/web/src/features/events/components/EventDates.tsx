import { Text, type MantineSize } from '@mantine/core';
import { useFormatters } from '../../../shared/i18n';

/** "14/10/2026 – 15/10/2026", or one date for a one-day event. Dates are calendar days: no time zone shifts them. */
export function EventDates({ startsOn, endsOn, size }: { startsOn: string; endsOn: string; size: MantineSize }) {
  const format = useFormatters();
  // Noon UTC keeps the day the same in every time zone the browser may be in.
  const day = (date: string) => format.date(`${date}T12:00:00Z`);
  return (
    <Text size={size} span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {startsOn === endsOn ? day(startsOn) : `${day(startsOn)} – ${day(endsOn)}`}
    </Text>
  );
}
