// A YAML file's plain value with the line of each key, for the line a loosening points at.
// Spec: https://eemeli.org/yaml/#documents, https://eemeli.org/yaml/#line-counter
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';

export interface YamlDocument {
  value: unknown;
  /** The line of the key (or item) at `path`, else of the deepest part of `path` that exists (1 for none). */
  lineAt(path: readonly (string | number)[]): number;
}

/** Parses `text`; undefined when it is not well-formed YAML. */
export function parseYamlDocument(text: string): YamlDocument | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const line = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  return {
    value: doc.toJS({ maxAliasCount: 1000 }) as unknown,
    lineAt(path) {
      let node: unknown = doc.contents;
      let at = line(doc.contents?.range?.[0]);
      for (const key of path) {
        const step = child(node, key);
        if (step === undefined) break;
        at = line(step.offset);
        node = step.node;
      }
      return at;
    },
  };
}

function child(node: unknown, key: string | number): { node: unknown; offset: number | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
    if (pair === undefined) return undefined;
    return { node: pair.value, offset: (pair.key as Node | null)?.range?.[0] };
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key] as Node | undefined;
    return item === undefined ? undefined : { node: item, offset: item.range?.[0] };
  }
  return undefined;
}
