// Small order statistics for run times.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const seconds = ms / 1000;
  return seconds >= 100
    ? `${seconds.toFixed(0)} s`
    : seconds >= 10
      ? `${seconds.toFixed(1)} s`
      : `${seconds.toFixed(2)} s`;
}
