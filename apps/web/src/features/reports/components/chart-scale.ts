/** Round tick values from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 0.999; value += step) ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

/** The share of `value` in `max`, safe for an empty scale. */
export function share(value: number, max: number): number {
  return max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
}

/**
 * The text cut with an ellipsis to about `width` pixels at `fontSize` (SVG text does not wrap or clip itself). An
 * estimate from an average glyph width; the full text goes in the element's title.
 */
export function fitText(text: string, width: number, fontSize: number): string {
  const fits = Math.floor(width / (fontSize * 0.56));
  return text.length <= fits ? text : `${text.slice(0, Math.max(fits - 1, 1)).trimEnd()}…`;
}
