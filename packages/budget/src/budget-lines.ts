// Where each budget is written in harness.config.yaml, so a finding points at
// the line to edit (the `seconds` key when present). YAML: https://yaml.org/spec/1.2.2/
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** Budget name → 1-based line of its `seconds` (or of the entry). Empty when there is no file. */
export async function locateBudgetLines(configPath: string | undefined): Promise<Map<string, number>> {
  const lines = new Map<string, number>();
  if (configPath === undefined) return lines;
  const text = await readFile(configPath, 'utf8').catch(() => undefined);
  if (text === undefined) return lines;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const budgets = doc.get('budgets', true);
  if (!isSeq(budgets)) return lines;
  for (const item of budgets.items) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    const seconds = item.get('seconds', true);
    const node = isScalar(seconds) ? seconds : item;
    const offset = node.range?.[0];
    if (typeof name === 'string' && offset !== undefined) lines.set(name, counter.linePos(offset).line);
  }
  return lines;
}
