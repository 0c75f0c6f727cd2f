// "Did you mean": the closest of a few known words to one the user typed (config keys, check
// names, options, anchors). Here in the foundation so that any package can suggest without
// loading the config schema.
import { distance } from 'fastest-levenshtein';

/** The candidate closest to `word` by edit distance, when it is close enough to be a typo. */
export function closestWord(candidates: readonly string[], word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}
