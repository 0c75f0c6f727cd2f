// docs/map-missing: no map file (docs.map, AGENTS.md by default) at the repository root.
import type { DocsRule } from './docs-rule.js';

export const mapMissing: DocsRule = {
  id: 'map-missing',
  severity: 'error',
  finds: 'no map file at the root',
  why: 'Without a map an agent starts with no table of contents into the knowledge base.',
  fix: 'Create the map at the root (harness init writes one), or set docs.map to where it is.',
  docs: 'docs/rules/docs.md#map-missing',
  check(model) {
    const map = model.config.map;
    if (model.files.has(map) || model.symlinks.has(map)) return [];
    return [
      {
        rule: 'map-missing',
        severity: 'error',
        file: map,
        message: `there is no ${map} at the repository root, so an agent has no map into ${model.config.root}/.`,
        fix: `Create ${map}: a short table of contents (under ${model.config.maxLines} lines) with the commands and links into ${model.config.root}/ (\`harness init\` writes one), or set docs.map to the map's path.`,
      },
    ];
  },
};
