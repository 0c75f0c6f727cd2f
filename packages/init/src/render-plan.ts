// The plan and the result as text for a person, or as one JSON document.
import type { InitResult } from './apply-init.js';
import type { InitPlan } from './init-plan.js';
import { planIsEmpty } from './init-plan.js';
import { describeFit } from './propose-layers.js';

export interface RenderInitOptions {
  dryRun: boolean;
  color: boolean;
}

export function renderInitJson(plan: InitPlan, result: InitResult | undefined, dryRun: boolean): string {
  const document = {
    version: 1,
    root: plan.root,
    dryRun,
    changes: !planIsEmpty(plan) || (result?.baselines.length ?? 0) > 0,
    facts: plan.facts,
    layers: plan.layers,
    files: plan.files.map(({ path, action, reason }) => ({ path, action, reason })),
    baselineChecks: plan.baselineChecks,
    installCommand: plan.installCommand,
    notes: plan.notes,
    ...(result === undefined
      ? {}
      : {
          result: {
            written: result.written,
            baselines: result.baselines,
            installed: result.installed,
            check:
              result.check === undefined
                ? undefined
                : { ok: result.check.ok, checks: result.check.checks, diagnostics: result.check.diagnostics.length },
          },
        }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const modeNames: Record<InitPlan['layers']['mode'], string> = {
  domains: 'domain mode',
  paths: 'path mode',
  contracts: 'contracts from your existing rules',
  existing: 'existing config',
  none: 'none',
};

function modeName(layers: InitPlan['layers']): string {
  return layers.mode === 'contracts' && layers.fit !== undefined ? 'contracts the code obeys' : modeNames[layers.mode];
}

/** The fit of each contract proposed, and each candidate not offered, one line each. */
function fitLines(layers: InitPlan['layers']): string[] {
  if (layers.fit === undefined) return [];
  return [
    ...layers.fit.chosen.map((c) => `  fit: ${describeFit(c)}`),
    ...layers.fit.rejected.map((c) => `  rejected: ${describeFit(c)}`),
  ];
}

const marks: Record<string, string> = {
  create: '+',
  overwrite: '!',
  update: '~',
  keep: '=',
  unchanged: '=',
  skip: '-',
};

export function renderPlanText(plan: InitPlan, options: RenderInitOptions): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const f = plan.facts;
  const rows: [string, string][] = [
    [
      'package manager',
      f.packageManagerSource === undefined
        ? `${f.packageManager} (no lockfile: the default)`
        : `${f.packageManager} (${f.packageManagerSource})`,
    ],
    ['workspaces', f.workspaces.length === 0 ? 'none' : list(f.workspaces)],
    ['tsconfig', f.tsconfigs.length === 0 ? 'none' : list(f.tsconfigs)],
    ['source', f.sourceRoots.length === 0 ? 'no src/, app/ or lib/ folder' : list(f.sourceRoots.map((r) => `${r}/`))],
    ['scripts', f.scripts.length === 0 ? 'no build or test script' : f.scripts.join(', ')],
    ['existing', f.found.length === 0 ? 'nothing harness uses' : list(f.found)],
  ];
  const width = Math.max(...plan.files.map((x) => x.path.length));
  const lines = [
    paint(1, `harness init: ${plan.root}`),
    '',
    'Found',
    ...rows.map(([k, v]) => `  ${k.padEnd(16)} ${v}`),
    '',
    paint(1, `Layers (${modeName(plan.layers)})`),
    ...plan.layers.explanation.map((e) => `  ${e}`),
    ...fitLines(plan.layers),
    '',
    paint(1, options.dryRun ? 'Plan (dry run: nothing is written)' : 'Plan'),
    ...plan.files.map((x) => {
      const action = `${marks[x.action] ?? ' '} ${x.action.padEnd(9)}`;
      const coloured =
        x.action === 'keep' || x.action === 'unchanged' || x.action === 'skip' ? paint(2, action) : paint(32, action);
      return `  ${coloured} ${x.path.padEnd(width)}  ${x.reason}`;
    }),
    ...(plan.baselineChecks.length > 0
      ? [
          `  ${paint(32, '+ baseline ')} ${plan.baselineChecks.join(', ')}: today's findings are recorded after the files are written`,
        ]
      : []),
    ...plan.notes.map((n) => `  ${n}`),
    '',
  ];
  return lines.join('\n');
}

export function renderResultText(plan: InitPlan, result: InitResult, options: RenderInitOptions): string {
  const lines: string[] = [];
  lines.push(
    result.written.length === 0
      ? 'Nothing to write: every file is already in place.'
      : `Wrote ${result.written.length} ${result.written.length === 1 ? 'file' : 'files'}.`,
  );
  // The checks' own notes say which baseline they wrote and with how many entries.
  for (const note of result.notes) lines.push(note);
  if (result.check !== undefined) {
    const errors = result.check.diagnostics.filter((d) => d.severity === 'error').length;
    const ran = result.check.checks.filter((c) => c.skipped === undefined).map((c) => c.name);
    const skipped = result.check.checks.filter((c) => c.skipped !== undefined).map((c) => c.name);
    const detail = [
      ran.length > 0 ? `ran ${ran.join(', ')}` : 'no check ran',
      ...(skipped.length > 0 ? [`skipped ${skipped.join(', ')}`] : []),
    ].join('; ');
    lines.push(
      result.check.ok
        ? `harness check: green (${detail}).`
        : `harness check: ${errors} ${errors === 1 ? 'error' : 'errors'} no baseline holds; run \`harness check\` to see them.`,
    );
  }
  if (result.installed) lines.push(`Installed with \`${plan.installCommand ?? ''}\`.`);
  const next = nextSteps(plan, result);
  if (next.length > 0) lines.push('', 'Next:', ...next.map((n) => `  ${n}`));
  const text = `${lines.join('\n')}\n`;
  return options.color ? text.replace(/^harness check: green/m, '\u001b[32mharness check: green\u001b[0m') : text;
}

function nextSteps(plan: InitPlan, result: InitResult): string[] {
  const steps: string[] = [];
  const pkg = plan.files.find((f) => f.path === 'package.json');
  if (!result.installed && pkg?.action === 'update')
    steps.push(`\`${plan.installCommand ?? 'npm install'}\` (or rerun init with --install) to install agent-harness`);
  if (result.written.length > 0 || result.baselines.length > 0)
    steps.push('review and commit: `git add -A && git commit -m "Add harness"`');
  if (plan.files.some((f) => f.path === '.github/rulesets/main.json' && f.action === 'create'))
    steps.push('`harness rulesets apply` (with GITHUB_TOKEN) to make the harness check required on GitHub');
  return steps;
}

function list(items: readonly string[], limit = 6): string {
  return items.length <= limit
    ? items.join(', ')
    : `${items.slice(0, limit).join(', ')}, and ${items.length - limit} more`;
}
