import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface BrandProps {
  /** White on the primary colour, for dark brand panels. */
  inverted?: boolean;
  /** Below the `sm` breakpoint only the short name is shown. */
  responsive?: boolean;
}

/** The product's mark and name, the same in the shell and on public pages. */
export function Brand({ inverted, responsive = true }: BrandProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <ThemeIcon size={36} radius="md" variant={inverted ? 'white' : 'filled'} aria-hidden>
        <IconBuildingBank size={22} stroke={1.7} />
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text
          fw={700}
          size="md"
          lh={1.2}
          truncate="end"
          c={inverted ? 'white' : undefined}
          visibleFrom={responsive ? 'sm' : undefined}
          data-testid="app-name"
        >
          {t('app.name')}
        </Text>
        {responsive && (
          <Text fw={700} size="md" lh={1.2} hiddenFrom="sm" c={inverted ? 'white' : undefined}>
            {t('app.shortName')}
          </Text>
        )}
        <Text
          size="xs"
          lh={1.2}
          truncate="end"
          c={inverted ? 'irm.1' : 'dimmed'}
          visibleFrom={responsive ? 'sm' : undefined}
        >
          {t('app.tagline')}
        </Text>
      </div>
    </Group>
  );
}
