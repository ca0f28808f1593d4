import { useMemo } from 'react';
import { PipelineKind, ZoneType, type ReportPeriod, type ReportWindow } from '@irm/contracts';
import { useSearchParams } from 'react-router';
import {
  DEFAULT_PRESET,
  defaultPeriod,
  isRangePreset,
  isReportPeriod,
  isValidWindow,
  presetWindow,
  type RangePreset,
} from '../components/report-window';

type Param = 'range' | 'from' | 'to' | 'pipeline' | 'period' | 'zones';

const isPipelineKind = (value: unknown): value is PipelineKind =>
  Object.values(PipelineKind).includes(value as PipelineKind);
const isZoneType = (value: unknown): value is ZoneType => Object.values(ZoneType).includes(value as ZoneType);

/**
 * What the dashboard shows, kept in the address so a view can be bookmarked and sent: the window (a preset, or
 * `custom` with its dates), the pipeline, months or quarters, and the kind of zone.
 */
export function useDashboardFilters(today: Date = new Date()) {
  const [params, setParams] = useSearchParams();
  const preset: RangePreset = isRangePreset(params.get('range'))
    ? (params.get('range') as RangePreset)
    : DEFAULT_PRESET;
  const custom = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const customValid = isValidWindow(custom);
  const dayKey = today.toDateString();
  const window = useMemo<ReportWindow>(
    () =>
      preset === 'custom' && customValid
        ? { from: custom.from, to: custom.to }
        : presetWindow(preset === 'custom' ? DEFAULT_PRESET : preset, today),
    // The window changes with the day, not with each render's Date.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [preset, customValid, custom.from, custom.to, dayKey],
  );
  const pipeline = params.get('pipeline');
  const period = params.get('period');
  const zones = params.get('zones');

  const set = (values: Partial<Record<Param, string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(values)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );

  return {
    preset,
    window,
    /** The dates typed for a custom window, and whether the API would take them. */
    custom: { ...custom, valid: customValid },
    pipelineKind: isPipelineKind(pipeline) ? pipeline : PipelineKind.Prospect,
    period: (isReportPeriod(period) ? period : defaultPeriod(window)) as ReportPeriod,
    zoneType: isZoneType(zones) ? zones : ZoneType.IndustrialPark,
    setPreset: (next: RangePreset) =>
      set(
        next === 'custom' ? { range: next, from: window.from, to: window.to } : { range: next, from: null, to: null },
      ),
    setCustom: (dates: { from?: string; to?: string }) => set({ range: 'custom', ...dates }),
    setPipelineKind: (kind: PipelineKind) => set({ pipeline: kind }),
    setPeriod: (next: ReportPeriod) => set({ period: next }),
    setZoneType: (type: ZoneType) => set({ zones: type }),
  };
}
