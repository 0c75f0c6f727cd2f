// The one schema of harness.config.yaml (docs/contract.md, "Configuration").
// It is the runtime validator and, through `z.toJSONSchema`, the published
// schema.json that editors use; a test fails when the committed file drifts.
import { z } from 'zod';
import { factoryDispatchFields } from './factory-dispatch-schema.js';

const globs = z.array(z.string().min(1));

export const defaultLayerOrder = ['types', 'config', 'repo', 'service', 'runtime', 'ui'] as const;

const exceptEdge = z
  .strictObject({
    from: globs.optional().describe('Importing files this exception covers (all when absent).'),
    to: globs.optional().describe('Imported files this exception covers (all when absent).'),
  })
  .describe('An edge the contract does not judge: from a file matching `from` to a file matching `to`.');

export const ruleSeverities = ['off', 'warn', 'error'] as const;

export const contractTypes = ['layers', 'forbidden', 'independent'] as const;

const contractSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[\w.-]+$/, 'a contract name is letters, digits, ".", "_" and "-"')
      .describe('Named in every finding of this contract.'),
    type: z
      .enum(contractTypes)
      .describe(
        'layers: an order or an allow DAG; forbidden: no import from `from` to `to`; independent: `modules` may not import each other.',
      ),
    layers: z
      .record(z.string().min(1), globs.min(1))
      .optional()
      .describe('type layers: layer name → path globs, in order (forward-only unless `allow` is given).'),
    segments: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("type layers: a file's layer is the last folder segment of its path that names one of these."),
    allow: z
      .record(z.string().min(1), z.array(z.string().min(1)))
      .optional()
      .describe('type layers: what each layer may import besides itself; a layer not listed may import only itself.'),
    from: globs.min(1).optional().describe('type forbidden: the importing files.'),
    to: globs.min(1).optional().describe('type forbidden: the files they may not import.'),
    modules: globs
      .min(1)
      .optional()
      .describe('type independent: folders (globs) whose matches may not import each other.'),
    except: z.array(exceptEdge).default([]).describe('Edges this contract does not judge.'),
    allowTypeOnly: z.boolean().default(false).describe('Type-only imports are not judged by this contract.'),
  })
  .superRefine((contract, ctx) => {
    const allowed: Record<(typeof contractTypes)[number], readonly string[]> = {
      layers: ['layers', 'segments', 'allow'],
      forbidden: ['from', 'to'],
      independent: ['modules'],
    };
    const specific = ['layers', 'segments', 'allow', 'from', 'to', 'modules'] as const;
    for (const key of specific) {
      if (contract[key] !== undefined && !allowed[contract.type].includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" does not apply to a contract of type ${contract.type} (it takes ${allowed[contract.type].join(', ')})`,
        });
      }
    }
    const need = (ok: boolean, path: string, message: string): void => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (contract.type === 'layers')
      need(
        (contract.layers === undefined) !== (contract.segments === undefined),
        'layers',
        'a layers contract takes exactly one of `layers` (name → globs) or `segments` (folder names)',
      );
    if (contract.type === 'forbidden') {
      need(contract.from !== undefined, 'from', 'a forbidden contract needs `from` (the importing files)');
      need(contract.to !== undefined, 'to', 'a forbidden contract needs `to` (the files they may not import)');
    }
    if (contract.type === 'independent')
      need(
        contract.modules !== undefined,
        'modules',
        'an independent contract needs `modules` (the folders that may not import each other)',
      );
  })
  .describe('One architecture contract, checked over the same import graph.');

const layersSchema = z
  .strictObject({
    domains: globs
      .default([])
      .describe('Folders matched are domains; their sub-folders named after layers are the layers.'),
    order: z
      .array(z.string().min(1))
      .min(1)
      .default([...defaultLayerOrder])
      .describe('Forward-only: a layer may import its own layer and the layers before it in this list.'),
    paths: z
      .record(z.string(), globs)
      .default({})
      .describe('Layers defined by path globs, for repos laid out by layer and for monorepo package tiers.'),
    providers: globs.default([]).describe('Cross-cutting concerns enter domains only through these folders.'),
    crossCutting: globs
      .default([])
      .describe('Modules and npm packages ("npm:" prefix) that only providers may import directly; globs allowed.'),
    shared: globs.default([]).describe('Shared code importable from anywhere; it may not import domains or providers.'),
    crossDomain: z
      .enum(['public-api', 'forbid'])
      .default('public-api')
      .describe('How domains may import each other: only through the public entry, or not at all.'),
    packages: z
      .record(z.string(), z.array(z.string().min(1)))
      .default({})
      .describe('npm packages that only the listed layers may import, keyed by layer.'),
    // The ids live with the layer rules (packages/layers/src/rules/layer-rule-ids.ts), which check them.
    allowTypeOnly: z
      .array(z.string().regex(/^[a-z][a-z-]*$/, 'a layer rule id, such as cross-domain'))
      .default([])
      .describe('Layer rule ids (docs/rules/layers.md) for which type-only imports are allowed, e.g. cross-domain.'),
    contracts: z
      .array(contractSchema)
      .default([])
      .describe('Independent contracts (layers, forbidden, independent) over the one import graph.'),
    suppressions: z
      .strictObject({
        eslint: z
          .array(z.string().min(1))
          .default([])
          .describe('ESLint rule names whose eslint-disable comments count as harness-ignore for layer findings.'),
      })
      .default({ eslint: [] })
      .describe("Other tools' suppression comments that count as harness-ignore."),
    ignore: globs.default([]).describe('Files that are not checked.'),
    baseline: z.string().min(1).default('.harness/baseline/layers.json').describe('Known violations accepted for now.'),
  })
  .describe('harness check layers: the layer and boundary rules.');

const docsSchema = z
  .strictObject({
    map: z.string().min(1).default('AGENTS.md').describe('The table of contents an agent reads first.'),
    root: z.string().min(1).default('docs').describe('The knowledge base folder.'),
    maxLines: z.int().positive().default(150).describe('Line limit for the map and nested AGENTS.md files.'),
    maxBytes: z
      .int()
      .positive()
      .default(32768)
      .describe('Combined size of the AGENTS.md chain an agent loads (Codex project_doc_max_bytes).'),
    frontmatter: z
      .record(z.string(), z.array(z.string().min(1)))
      .default({})
      .describe('Required front-matter keys, per folder glob.'),
    staleAfterDays: z
      .int()
      .positive()
      .default(90)
      .describe('Days after which a doc whose linked code changed is stale.'),
    ignore: globs
      .default([])
      .describe(
        'Markdown files not checked at all (besides test fixtures): no finding in them, none for being unreachable.',
      ),
    baseline: z.string().min(1).default('.harness/baseline/docs.json').describe('Known findings accepted for now.'),
  })
  .describe('harness check docs: the AGENTS.md map and the knowledge base.');

const budgetSchema = z.strictObject({
  name: z
    .string()
    // `report` is taken by `harness budget report`.
    .regex(/^(?!report$)[A-Za-z0-9][\w.-]*$/, 'a budget name is letters, digits, ".", "_" and "-", and not "report"')
    .describe('The name used on the command line: harness budget NAME.'),
  command: z.string().min(1).describe('The shell command whose time is budgeted.'),
  seconds: z.number().positive().describe('The budget: the median run must take at most this long.'),
  runs: z.int().positive().optional().describe('How many runs to take the median of (default 1).'),
  warmup: z
    .int()
    .nonnegative()
    .optional()
    .describe('Unrecorded runs before the measured ones, to warm caches (default 0).'),
  tasks: z
    .record(z.string().regex(/^.+#.+$/, 'a task id is "package#task", as turbo prints it'), z.number().positive())
    .optional()
    .describe('Per-task budgets in seconds for turbo commands, keyed like "@scope/pkg#build".'),
});

const composeSchema = z
  .strictObject({
    files: globs.min(1).default(['compose.yaml']).describe('The project’s own, unmodified compose files.'),
    shared: z
      .array(z.string().min(1))
      .default([])
      .describe('Services run once for all worktrees instead of per worktree.'),
    sharedVolumes: z.array(z.string().min(1)).default([]).describe('Named volumes shared by all worktrees.'),
  })
  .describe('harness up/down/ps/test/gc: per-worktree compose stacks.');

const rulesetsSchema = z
  .strictObject({
    dir: z.string().min(1).default('.github/rulesets').describe('GitHub ruleset export JSON files, one per ruleset.'),
  })
  .describe('harness rulesets: GitHub rulesets kept in sync with files.');

const factorySchema = z
  .strictObject({
    labels: z
      .array(z.string().min(1))
      .min(1)
      .default(['agent-ready'])
      .describe('Issues carrying every one of these labels are worked.'),
    agent: z
      .string()
      .min(1)
      .default('codex exec --full-auto --output-last-message "$HARNESS_FACTORY_OUTCOME" -')
      .describe(
        'The agent command, run with sh -c in the worktree; it reads the prompt on stdin and answers with the outcome JSON as its last stdout line or in the file $HARNESS_FACTORY_OUTCOME.',
      ),
    base: z.string().min(1).default('main').describe('The branch PRs are opened against.'),
    concurrency: z.int().positive().default(1).describe('Issues worked at the same time.'),
    maxTurns: z.int().positive().default(20).describe('Turns per issue before a person is asked to take over.'),
    agentTimeoutMinutes: z.number().positive().default(60).describe('Longest one agent run may take.'),
    stallMinutes: z.number().positive().default(10).describe('An agent with no output this long is killed.'),
    humanLabel: z.string().min(1).default('harness:human').describe('Label put on a PR that needs a person.'),
    priorityLabels: z.array(z.string().min(1)).default([]).describe('Labels in priority order, highest first.'),
    agentProtocol: z
      .enum(['command', 'codex-app-server', 'claude-stream-json'])
      .default('command')
      .describe(
        'How the agent is spoken to: a plain command, Codex app-server JSON-RPC (codex app-server), or Claude Code stream-json (claude -p --output-format stream-json --verbose).',
      ),
    maxTokens: z
      .int()
      .positive()
      .optional()
      .describe('Token cap per issue, summed over all its turns (kept across hand-backs); then a person is asked.'),
    maxCostUsd: z
      .number()
      .positive()
      .optional()
      .describe(
        'Cost cap per issue in US dollars, when the agent reports cost (claude-stream-json); then a person is asked.',
      ),
    workflow: z
      .string()
      .min(1)
      .default('WORKFLOW.md')
      .describe('The prompt template with loop settings in its front matter, read from the base branch each pass.'),
    hooks: z
      .strictObject({
        afterCreate: z.string().min(1).optional().describe('Run in a new worktree; a failure fails the attempt.'),
        beforeRun: z.string().min(1).optional().describe('Run before each agent turn; a failure fails the turn.'),
        afterRun: z.string().min(1).optional().describe('Run after each agent turn; a failure is logged.'),
        beforeRemove: z.string().min(1).optional().describe('Run before a worktree is removed; a failure is logged.'),
        timeoutSeconds: z.number().positive().default(60).describe('Longest one hook may take.'),
      })
      .default({ timeoutSeconds: 60 })
      .describe('Shell commands (sh -c) run in the worktree at points of its life.'),
    ...factoryDispatchFields,
  })
  .describe('harness factory: the loop from labelled issues to merged PRs.');

export const configSchema = z
  .strictObject({
    version: z.literal(1).describe('The config format version.'),
    layers: layersSchema.optional(),
    docs: docsSchema.optional(),
    budgets: z.array(budgetSchema).optional().describe('harness budget: build-loop time budgets.'),
    compose: composeSchema.optional(),
    rulesets: rulesetsSchema.optional(),
    factory: factorySchema.optional(),
    rules: z
      // Rule ids are checked against the checks' own lists when they run (a suggestion, not a regex).
      .record(z.string().min(1), z.enum(ruleSeverities))
      .optional()
      .describe('Per-rule severity for every check: "off", "warn" or "error", keyed by rule id (layers/unassigned).'),
  })
  .describe('harness.config.yaml');

export type HarnessConfig = z.output<typeof configSchema>;
/** What a config file (or a config object given to the library) holds: defaults may be left out. */
export type HarnessConfigInput = z.input<typeof configSchema>;
export type LayersConfig = z.output<typeof layersSchema>;
export type DocsConfig = z.output<typeof docsSchema>;
export type BudgetConfig = z.output<typeof budgetSchema>;
export type ComposeConfig = z.output<typeof composeSchema>;
export type RulesetsConfig = z.output<typeof rulesetsSchema>;
export type FactoryConfig = z.output<typeof factorySchema>;
export type ContractConfig = z.output<typeof contractSchema>;
export type RuleSeverity = (typeof ruleSeverities)[number];

const sectionSchemas = {
  layers: layersSchema,
  docs: docsSchema,
  compose: composeSchema,
  rulesets: rulesetsSchema,
  factory: factorySchema,
} as const;

export type SectionName = keyof typeof sectionSchemas;

/** A section with every default filled in, for a check named on the command line without its section. */
export function sectionDefaults<K extends SectionName>(name: K): z.output<(typeof sectionSchemas)[K]> {
  return sectionSchemas[name].parse({}) as z.output<(typeof sectionSchemas)[K]>;
}

/** The published JSON Schema (draft 2020-12) of harness.config.yaml. */
export function createJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://unpkg.com/agent-harness-config/schema.json',
    title: 'harness.config.yaml',
  };
}
