// Reads stay inside the repository: a file is read only when its real path is inside the root.
// Writes are checked by agent-harness-system (findEscape), the one place that writes files.
import { realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

export function readableInside(absolute: string, inside: (absolute: string) => boolean): boolean {
  try {
    return statSync(absolute).isFile() && inside(realpathSync(absolute));
  } catch {
    return false;
  }
}

/** Whether a real path lies inside the root's real path. */
export function insideRoot(root: string): (absolute: string) => boolean {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    real = root;
  }
  const prefix = real.endsWith(sep) ? real : real + sep;
  return (absolute) => absolute === real || absolute.startsWith(prefix);
}
