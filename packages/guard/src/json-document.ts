// A JSON (or JSONC: tsconfig) file's value with the line of each key, for the line a loosening points at.
// Spec: https://github.com/microsoft/node-jsonc-parser (parseTree, findNodeAtLocation)
import { findNodeAtLocation, getNodeValue, parseTree } from 'jsonc-parser';
import type { JSONPath, Node, ParseError } from 'jsonc-parser';
import { lineOf } from './line-of.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface JsonDocument {
  value: JsonValue | undefined;
  /** The line of the deepest node along `path` that exists (1 for none). */
  lineAt(path: JSONPath): number;
}

/** Parses `text` as JSONC; undefined when it is not well formed. */
export function parseJsonDocument(text: string): JsonDocument | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (root === undefined || errors.length > 0) return undefined;
  return { value: getNodeValue(root) as JsonValue, lineAt: (path) => lineOf(text, deepest(root, path).offset) };
}

function deepest(root: Node, path: JSONPath): Node {
  for (let length = path.length; length > 0; length -= 1) {
    const node = findNodeAtLocation(root, path.slice(0, length));
    // A property's value: point at its key, where a reader looks.
    if (node !== undefined) return node.parent?.type === 'property' ? node.parent : node;
  }
  return root;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key` of `value`, or an empty one. */
export function objectAt(value: JsonValue | undefined, key: string): JsonObject {
  const found = isJsonObject(value) ? value[key] : undefined;
  return isJsonObject(found) ? found : {};
}

/** The array at `key` of `value`, or an empty one. */
export function arrayAt(value: JsonValue | undefined, key: string): JsonValue[] {
  const found = isJsonObject(value) ? value[key] : undefined;
  return Array.isArray(found) ? found : [];
}
