import { useId } from 'react';
import type { LandBank } from '@irm/contracts';
import { Box, getThemeColor, useMantineTheme } from '@mantine/core';
import { LAND_USE_COLORS, stackLandUses, type LandUse } from './land-use';

const DEFAULT_HEIGHT = 32;
const MIN_LABELLED_HEIGHT = 20;
const MIN_LABELLED_SHARE = 0.08;

interface LandUseBarProps {
  bank: LandBank;
  /** Pixels; a slim bar (under 20) leaves out the percentages. */
  height?: number;
  label: string;
  formatPercent: (ratio: number) => string;
  describe: (use: LandUse, ha: number) => string;
}

/** Stacked horizontal bar of leased / reserved / available land, drawn in SVG to stay light. */
export function LandUseBar({ bank, height = DEFAULT_HEIGHT, label, formatPercent, describe }: LandUseBarProps) {
  const theme = useMantineTheme();
  const clipId = `land-use-${useId().replace(/[^\w-]/g, '')}`;
  const segments = stackLandUses(bank);

  return (
    <Box component="svg" role="img" aria-label={label} width="100%" height={height} display="block">
      <defs>
        <clipPath id={clipId}>
          <rect width="100%" height={height} rx={Math.min(8, height / 2)} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        <rect width="100%" height={height} fill={theme.colors.gray[2]} />
        {segments.map(({ use, share, start, ha }) =>
          share > 0 ? (
            <g key={use}>
              <rect
                x={`${start * 100}%`}
                width={`${share * 100}%`}
                height={height}
                fill={getThemeColor(LAND_USE_COLORS[use], theme)}
                stroke="white"
                strokeWidth={2}
              >
                <title>{describe(use, ha)}</title>
              </rect>
              {share >= MIN_LABELLED_SHARE && height >= MIN_LABELLED_HEIGHT && (
                <text
                  x={`${(start + share / 2) * 100}%`}
                  y={height / 2}
                  dominantBaseline="central"
                  textAnchor="middle"
                  fontSize={13}
                  fontWeight={600}
                  fill={use === 'leased' ? 'white' : theme.colors.dark[7]}
                  aria-hidden
                >
                  {formatPercent(share)}
                </text>
              )}
            </g>
          ) : null,
        )}
      </g>
    </Box>
  );
}
