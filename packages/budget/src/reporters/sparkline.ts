// A one-line chart of run times for a terminal: ▁ is the fastest result, █ the slowest.
const bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** One bar per value; `null` (a failed result) is shown as a gap. */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const low = Math.min(...known);
  const span = Math.max(...known) - low;
  return values
    .map((v) => (v === null ? ' ' : bars[span === 0 ? 3 : Math.round(((v - low) / span) * (bars.length - 1))]))
    .join('');
}
