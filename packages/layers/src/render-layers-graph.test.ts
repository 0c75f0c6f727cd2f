import { sectionDefaults } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from './layers-types.js';
import { classifyGraph, findViolations } from './find-violations.js';
import { createLayerModel } from './layer-model.js';
import { renderLayersGraph } from './render-layers-graph.js';

const edge = (path: string, line: number) => ({
  specifier: path,
  kind: 'import' as const,
  typeOnly: false,
  line,
  column: 1,
  target: { kind: 'file' as const, path },
});
const files: GraphFile[] = [
  {
    path: 'src/domains/billing/service/charge.ts',
    imports: [edge('src/domains/billing/ui/button.ts', 1), edge('src/domains/billing/repo/db.ts', 2)],
    suppressions: [],
    hasUnresolved: false,
  },
  {
    path: 'src/domains/billing/runtime/job.ts',
    imports: [edge('src/domains/billing/ui/button.ts', 2)],
    suppressions: [],
    hasUnresolved: false,
  },
  {
    path: 'src/domains/billing/ui/button.ts',
    imports: [edge('src/utils/format.ts', 1)],
    suppressions: [],
    hasUnresolved: false,
  },
  { path: 'src/domains/billing/repo/db.ts', imports: [], suppressions: [], hasUnresolved: false },
  { path: 'src/utils/format.ts', imports: [], suppressions: [], hasUnresolved: false },
];

describe('renderLayersGraph', () => {
  it('draws domains with their layers, red arrows for findings and dotted ones for accepted findings', () => {
    const model = createLayerModel({ ...sectionDefaults('layers'), domains: ['src/domains/*'], shared: ['src/utils'] });
    const graph = {
      files,
      stats: { files: files.length, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
    };
    const { violations } = findViolations(graph, model);
    const classes = classifyGraph(graph, model);
    // The runtime → ui finding is accepted (suppressed or baselined): only service → ui stays active.
    const active = violations.filter((v) => v.file.includes('service'));
    expect(renderLayersGraph({ graph, classes, violations, active, order: model.order }).mermaid).toBe(
      [
        'flowchart LR',
        '  shared["shared"]',
        '  subgraph src_domains_billing["billing"]',
        '    src_domains_billing_repo["repo"]',
        '    src_domains_billing_service["service"]',
        '    src_domains_billing_runtime["runtime"]',
        '    src_domains_billing_ui["ui"]',
        '  end',
        '  src_domains_billing_runtime -.->|"✗ forward-only (1)"| src_domains_billing_ui',
        '  src_domains_billing_service -->|"1"| src_domains_billing_repo',
        '  src_domains_billing_service -->|"✗ forward-only (1)"| src_domains_billing_ui',
        '  src_domains_billing_ui -->|"1"| shared',
        '  linkStyle 2 stroke:#d1242f,stroke-width:3px',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes and other mermaid markup in folder names', () => {
    const model = createLayerModel({ ...sectionDefaults('layers'), domains: ['src/domains/*'] });
    const odd: GraphFile[] = [
      {
        path: 'src/domains/say "hi" #1 <b>/service/a.ts',
        imports: [edge('src/domains/say "hi" #1 <b>/repo/b.ts', 1)],
        suppressions: [],
        hasUnresolved: false,
      },
      { path: 'src/domains/say "hi" #1 <b>/repo/b.ts', imports: [], suppressions: [], hasUnresolved: false },
    ];
    const graph = {
      files: odd,
      stats: { files: odd.length, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
    };
    const { mermaid } = renderLayersGraph({
      graph,
      classes: classifyGraph(graph, model),
      violations: [],
      active: [],
      order: model.order,
    });
    expect(mermaid).toBe(
      [
        'flowchart LR',
        '  subgraph src_domains_say__hi___1__b_["say #quot;hi#quot; #35;1 #lt;b#gt;"]',
        '    src_domains_say__hi___1__b__repo["repo"]',
        '    src_domains_say__hi___1__b__service["service"]',
        '  end',
        '  src_domains_say__hi___1__b__service -->|"1"| src_domains_say__hi___1__b__repo',
        '',
      ].join('\n'),
    );
  });

  it('keeps folders whose names differ only in escaped characters apart', () => {
    const model = createLayerModel({ ...sectionDefaults('layers'), domains: ['src/domains/*'] });
    const two: GraphFile[] = [
      {
        path: 'src/domains/a"b/service/a.ts',
        imports: [edge('src/domains/a_b/repo/b.ts', 1)],
        suppressions: [],
        hasUnresolved: false,
      },
      { path: 'src/domains/a_b/repo/b.ts', imports: [], suppressions: [], hasUnresolved: false },
    ];
    const graph = {
      files: two,
      stats: { files: two.length, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
    };
    const { mermaid } = renderLayersGraph({
      graph,
      classes: classifyGraph(graph, model),
      violations: [],
      active: [],
      order: model.order,
    });
    expect(mermaid.match(/^ {2}subgraph [^[]+/gm)).toEqual([
      '  subgraph src_domains_a_b',
      '  subgraph src_domains_a_b_2',
    ]);
    expect(mermaid).toContain('  src_domains_a_b_service -->|"1"| src_domains_a_b_repo\n');
  });
});
