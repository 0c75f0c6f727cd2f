// The factory's WORKFLOW.md (docs/factory.md): YAML front matter of loop settings, then the prompt
// template. Key by key on the front matter, generic so that new settings are covered: a number
// raised (turns, tokens, concurrency, minutes: every limit the loop keeps), a key removed (its
// default may be looser; a human hand-off setting gone), a switch about people, reviews, checks or
// the guard turned off. In the body, a line that mentions `harness check` or the guard removed.
// Narrowing what the loop picks up (labels) is never a loosening on its own.
import type { Loosening, SurfaceComparer } from './guard-types.js';
import { countItems, takeItem } from './line-of.js';
import { parseYamlDocument } from './yaml-document.js';

// At the repository root, where the factory reads it from the base branch.
const workflowFile = 'WORKFLOW.md';
const guarded = /harness\s+check|\bguard/i;
// Switches whose `true` keeps a person, a review or a check in the loop.
const keepsWatch = /human|review|check|guard|require|approv/i;

interface Workflow {
  /** Front matter leaves by dotted key, with the line of each. */
  settings: Map<string, { value: unknown; line: number }>;
  /** Body lines with their line numbers. */
  body: { text: string; line: number }[];
}

export const compareFactoryWorkflow: SurfaceComparer = async (input) => {
  const file = workflowFile;
  if (!input.changedFiles.includes(file)) return [];
  const [baseText, headText] = await Promise.all([input.base.readFile(file), input.head.readFile(file)]);
  if (baseText === undefined) return [];
  const at = (line: number, what: string): Loosening => ({ surface: 'factory-workflow', file, line, what });
  if (headText === undefined)
    return [at(1, `${file} deleted: the factory's loop settings and prompt go back to the defaults`)];
  const base = readWorkflow(baseText);
  const head = readWorkflow(headText);
  if (base === undefined) return [];
  if (head === undefined) return [at(1, 'front matter no longer valid YAML: the factory cannot read its settings')];
  return [...compareSettings(base, head, at), ...compareBody(base, head, at)];
};

/** Splits front matter from the body; undefined when the front matter is not YAML. */
function readWorkflow(text: string): Workflow | undefined {
  const lines = text.split(/\r?\n/);
  const close = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  const settings = new Map<string, { value: unknown; line: number }>();
  if (close !== -1) {
    const doc = parseYamlDocument(lines.slice(1, close).join('\n'));
    if (doc === undefined) return undefined;
    for (const [path, value] of leaves(doc.value, []))
      settings.set(path.join('.'), { value, line: doc.lineAt(path) + 1 });
  }
  const body = lines.map((text, index) => ({ text: text.trim(), line: index + 1 })).slice(close + 1);
  return { settings, body };
}

function leaves(value: unknown, path: string[]): [string[], unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return path.length === 0 ? [] : [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

function compareSettings(base: Workflow, head: Workflow, at: (line: number, what: string) => Loosening): Loosening[] {
  const loosenings: Loosening[] = [];
  for (const [key, was] of base.settings) {
    const is = head.settings.get(key);
    if (is === undefined) {
      // No line on the change's side holds it: point at the front matter.
      loosenings.push(at(1, `front matter ${key} removed (was ${JSON.stringify(was.value)})`));
      continue;
    }
    if (typeof was.value === 'number' && typeof is.value === 'number' && is.value > was.value)
      loosenings.push(at(is.line, `front matter ${key}: ${was.value} → ${is.value}`));
    if (was.value === true && is.value !== true && keepsWatch.test(key))
      loosenings.push(at(is.line, `front matter ${key}: true → ${JSON.stringify(is.value)}`));
  }
  return loosenings;
}

function compareBody(base: Workflow, head: Workflow, at: (line: number, what: string) => Loosening): Loosening[] {
  const kept = countItems(head.body.filter((l) => guarded.test(l.text)).map((l) => l.text));
  const lastLine = head.body.at(-1)?.line ?? 1;
  return base.body
    .filter((l) => guarded.test(l.text) && !takeItem(kept, l.text))
    .map((l) => at(Math.min(l.line, lastLine), `prompt line removed: "${l.text}"`));
}
