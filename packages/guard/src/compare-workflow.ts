// `.github/workflows/*.yml`: every step that runs the `harness check` gate on the base (a `run:` of
// `harness check`, or `uses:` of the agent-harness action) must still run, and still fail the job,
// in the change: same job, same triggers, no `continue-on-error`, no `|| true` or `set +e` in its
// script, no new `if:` that can skip it. Steps that only report (the SARIF upload) are not gate steps.
// Spec: https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { parseYamlDocument } from './yaml-document.js';
import type { YamlDocument } from './yaml-document.js';

type Obj = Record<string, unknown>;
type Path = (string | number)[];

interface Change {
  path: Path;
  what: string;
}

const workflowFile = /^\.github\/workflows\/[^/]+\.ya?ml$/;
// `harness check`, `pnpm exec harness check`, `npx agent-harness check`, …
const gateCommand = /(^|[\s/;&|(])(agent-)?harness(\.js)?\s+check(?![\w-])/m;
const gateAction = /^agent-harness\/agent-harness(@|$)/;
// Scripts that swallow the gate's exit code.
const swallows: readonly [RegExp, string][] = [
  [/\|\|\s*(true|:)(?![\w-])/, '|| true'],
  [/\|\|\s*exit\s+0\b/, '|| exit 0'],
  [/;\s*true\s*$/m, '; true'],
  [/\bset\s+\+e\b/, 'set +e'],
];
// `if:` values that never skip a step the default (success()) would run.
const neverSkips = /^\s*(\$\{\{\s*)?(always\(\)|!\s*cancelled\(\)|success\(\))(\s*\}\})?\s*$/;

export const compareWorkflow: SurfaceComparer = async (input) => {
  const files = (await input.base.listFiles()).filter((file) => workflowFile.test(file));
  const changed = files.filter((file) => input.changedFiles.includes(file));
  const found = await Promise.all(changed.map((file) => compareFile(input, file)));
  return found.flat();
};

async function compareFile(input: GuardInput, file: string): Promise<Loosening[]> {
  const baseText = await input.base.readFile(file);
  const base = baseText === undefined ? undefined : parseYamlDocument(baseText);
  const gates = base === undefined ? [] : gateSteps(base.value);
  if (gates.length === 0) return [];
  const headText = await input.head.readFile(file);
  const at = (line: number, what: string): Loosening => ({ surface: 'workflow', file, line, what });
  if (headText === undefined) return [at(1, `workflow deleted; it ran the gate (${gates[0]?.label})`)];
  const head = parseYamlDocument(headText);
  if (head === undefined || !isObj(head.value)) return [at(1, 'workflow no longer valid YAML; it ran the gate')];
  const changes = [
    ...compareTriggers(asObj(base?.value), head.value),
    ...gates.flatMap((g) => compareGate(g, gates, head)),
  ];
  // A job's own loosening (continue-on-error, a new if:) is said once, not once per gate step in it.
  const said = new Set<string>();
  return changes.filter((c) => !said.has(c.what) && said.add(c.what)).map((c) => at(head.lineAt(c.path), c.what));
}

interface GateStep {
  job: string;
  index: number;
  step: Obj;
  jobValue: Obj;
  label: string;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

function isGate(step: Obj): boolean {
  return gateCommand.test(text(step.run)) || gateAction.test(text(step.uses).trim());
}

function stepLabel(step: Obj): string {
  return text(step.id ?? step.name ?? step.run ?? step.uses).split('\n')[0] ?? '';
}

/** Every gate step of a workflow's value, by job. */
function gateSteps(workflow: unknown): GateStep[] {
  const gates: GateStep[] = [];
  for (const [job, jobValue] of Object.entries(asObj(asObj(workflow).jobs))) {
    const steps = asObj(jobValue).steps;
    if (!Array.isArray(steps)) continue;
    for (const [index, step] of steps.entries())
      if (isObj(step) && isGate(step))
        gates.push({ job, index, step, jobValue: asObj(jobValue), label: stepLabel(step) });
  }
  return gates;
}

/**
 * The change's counterpart of a base gate step in the same job: the step with the same id or name;
 * else (renamed, or never named) the same place among the job's gate steps that no other base gate
 * step claims by name.
 */
function findCounterpart(gate: GateStep, base: GateStep[], head: unknown): { step: Obj; index: number } | undefined {
  const steps = asObj(asObj(asObj(head).jobs)[gate.job]).steps;
  if (!Array.isArray(steps)) return undefined;
  const named = (s: unknown): string => (isObj(s) ? text(s.id ?? s.name) : '');
  const byName = (g: GateStep): number =>
    named(g.step) === '' ? -1 : steps.findIndex((s) => named(s) === named(g.step));
  const own = byName(gate);
  if (own !== -1) return { step: asObj(steps[own]), index: own };
  const siblings = base.filter((g) => g.job === gate.job && g !== gate);
  const claimed = new Set(siblings.map((g) => named(g.step)).filter((name) => name !== ''));
  const unmatched = siblings.filter((g) => g.index < gate.index && byName(g) === -1).length;
  const free = steps.flatMap((s, i) => (isObj(s) && isGate(s) && !claimed.has(named(s)) ? [i] : []));
  const index = free[unmatched];
  return index === undefined ? undefined : { step: asObj(steps[index]), index };
}

function compareGate(gate: GateStep, gates: GateStep[], head: YamlDocument): Change[] {
  const jobPath = ['jobs', gate.job];
  const jobValue = asObj(asObj(head.value).jobs)[gate.job];
  if (!isObj(jobValue)) return [{ path: ['jobs'], what: `job ${gate.job} removed; it ran the gate (${gate.label})` }];
  const found = findCounterpart(gate, gates, head.value);
  if (found === undefined)
    return [{ path: [...jobPath, 'steps'], what: `job ${gate.job}: the gate step (${gate.label}) removed` }];
  if (!isGate(found.step))
    return [
      {
        path: [...jobPath, 'steps', found.index],
        what: `job ${gate.job}: the gate step (${gate.label}) no longer runs harness check`,
      },
    ];
  const stepPath = [...jobPath, 'steps', found.index];
  const where = `job ${gate.job}, step ${gate.label}`;
  return [
    ...compareSkips(gate.jobValue, jobValue, jobPath, `job ${gate.job}`),
    ...compareSkips(gate.step, found.step, stepPath, where),
    ...compareScript(gate.step, found.step, stepPath, where),
  ];
}

/** `continue-on-error` turned on, or an `if:` that can skip what the base always ran. */
function compareSkips(base: Obj, head: Obj, path: Path, where: string): Change[] {
  const changes: Change[] = [];
  const tolerated = (value: unknown): boolean =>
    value !== undefined && value !== false && text(value).trim() !== 'false';
  if (tolerated(head['continue-on-error']) && !tolerated(base['continue-on-error']))
    changes.push({
      path: [...path, 'continue-on-error'],
      what: `${where}: continue-on-error: ${text(head['continue-on-error'])}`,
    });
  const condition = head.if;
  if (condition !== undefined && text(condition) !== text(base.if) && !neverSkips.test(text(condition)))
    changes.push({ path: [...path, 'if'], what: `${where}: if: ${text(condition)} can skip it` });
  return changes;
}

/** A `run:` script that swallows the gate's exit code, or an action told to run fewer checks. */
function compareScript(base: Obj, head: Obj, path: Path, where: string): Change[] {
  const changes: Change[] = [];
  const before = text(base.run);
  const after = text(head.run);
  for (const [pattern, name] of swallows)
    if (pattern.test(after) && !pattern.test(before))
      changes.push({ path: [...path, 'run'], what: `${where}: \`${name}\` ignores the gate's failure` });
  const checks = (step: Obj): string => text(asObj(step.with).checks).trim();
  if (gateAction.test(text(head.uses).trim()) && checks(head) !== checks(base) && checks(head) !== '')
    changes.push({
      path: [...path, 'with', 'checks'],
      what: `${where}: checks: "${checks(base) || 'all'}" → "${checks(head)}"`,
    });
  return changes;
}

/** The events that ran the gate and still must: each `on:` event kept, and no filter narrowing it. */
function compareTriggers(base: Obj, head: Obj): Change[] {
  const before = events(base.on);
  const after = events(head.on);
  const changes: Change[] = [];
  for (const [event, filters] of before) {
    const now = after.get(event);
    if (now === undefined) {
      changes.push({ path: ['on'], what: `trigger ${event} removed` });
      continue;
    }
    for (const key of ['paths', 'paths-ignore', 'branches-ignore', 'tags-ignore'])
      if (now[key] !== undefined && filters[key] === undefined)
        changes.push({ path: ['on', event, key], what: `trigger ${event}: ${key} filter added` });
    for (const key of ['branches', 'types', 'tags']) {
      const kept = list(now[key]);
      const wider = now[key] === undefined;
      for (const item of list(filters[key]))
        if (!wider && !kept.includes(item))
          changes.push({ path: ['on', event, key], what: `trigger ${event}: ${key} "${item}" removed` });
    }
  }
  return changes;
}

function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(text);
}

/** `on:` as a map of event → filters (`on: push`, `on: [push, pull_request]`, `on: {push: {branches: …}}`). */
function events(on: unknown): Map<string, Obj> {
  if (typeof on === 'string') return new Map([[on, {}]]);
  if (Array.isArray(on)) return new Map(on.map((event) => [text(event), {}]));
  return new Map(Object.entries(asObj(on)).map(([event, filters]) => [event, asObj(filters)]));
}
