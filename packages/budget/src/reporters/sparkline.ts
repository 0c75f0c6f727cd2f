// A one-line chart of run times for a terminal. Bars start at zero, so a steady
// build shows steady bars and only a real change in time shows as a step.
const bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** One bar per value; `null` (a failed result) is shown as a gap. */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const high = Math.max(...known);
  return values
    .map((v) => (v === null ? ' ' : bars[high <= 0 ? 0 : Math.max(0, Math.ceil((v / high) * bars.length) - 1)]))
    .join('');
}
