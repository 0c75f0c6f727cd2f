// The docs section's defaults, for a run whose config has no docs section. They are read from the
// config package's published JSON Schema (generated from the one zod schema, and kept equal to it by
// the config package's tests): sectionDefaults('docs') gives the same values but loads zod and yaml,
// about 170 modules, which a warm `harness check docs` otherwise never needs.
import { createRequire } from 'node:module';
import type { DocsConfig } from 'agent-harness-config';

interface PublishedSchema {
  properties: { docs: { properties: Record<string, { default?: unknown }> } };
}

export function docsDefaults(): DocsConfig {
  const schema = createRequire(import.meta.url)('agent-harness-config/schema.json') as PublishedSchema;
  const defaults = Object.entries(schema.properties.docs.properties).flatMap(([key, value]) =>
    value.default === undefined ? [] : [[key, value.default] as const],
  );
  // A copy: require() keeps one schema object, and the config's lists must not be shared.
  return structuredClone(Object.fromEntries(defaults)) as DocsConfig;
}
