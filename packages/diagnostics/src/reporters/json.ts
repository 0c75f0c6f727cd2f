// `--format json`: exactly one JSON document (docs/contract.md, "The result document").
import type { ResultDocument } from '../diagnostic.js';

export function renderJson(doc: ResultDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
