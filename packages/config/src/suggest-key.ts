// "Did you mean": the closest known key at the same place in the schema.
import { closestWord } from 'agent-harness-diagnostics';
import { createJsonSchema } from './schema.js';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

let rootSchema: SchemaNode | undefined;

/** Known keys of the object at `path` (array indexes and record keys are walked through). */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  rootSchema ??= createJsonSchema() as SchemaNode;
  let node: SchemaNode | undefined = rootSchema;
  for (const segment of path) {
    node = node === undefined ? undefined : step(node, segment);
  }
  return node === undefined ? [] : Object.keys(objectOf(node)?.properties ?? {});
}

function objectOf(node: SchemaNode): SchemaNode | undefined {
  if (node.properties !== undefined) return node;
  return node.anyOf?.map(objectOf).find((n) => n !== undefined);
}

function step(node: SchemaNode, segment: PropertyKey): SchemaNode | undefined {
  const options = node.anyOf ?? [node];
  for (const option of options) {
    if (typeof segment === 'number' && option.items !== undefined) return option.items;
    const property = option.properties?.[String(segment)];
    if (property !== undefined) return property;
    if (typeof option.additionalProperties === 'object') return option.additionalProperties;
  }
  return undefined;
}

/** The known key closest to `key`, when it is close enough to be a typo. */
export function suggestKey(path: readonly PropertyKey[], key: string): string | undefined {
  return closestWord(knownKeysAt(path), key);
}
