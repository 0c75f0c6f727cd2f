// The questions `harness init` asks on a terminal (https://bomb.sh/docs/clack/packages/prompts/).
// Every default is what --yes and a run without a TTY take, so answering Enter
// throughout gives the same result as `harness init --yes`.
import { confirm, isCancel, multiselect, select } from '@clack/prompts';
import type { InitChoices } from './plan-init.js';
import { defaultChoices } from './plan-init.js';
import type { InitInspection } from './prepare-init.js';

export interface AskedChoices {
  choices: InitChoices;
  split: boolean;
}

type Item = Exclude<keyof InitChoices, 'layers'>;

/** Asks what to write; undefined when the person cancels (Ctrl-C or Escape). */
export async function askInitChoices(inspection: InitInspection, maxLines: number): Promise<AskedChoices | undefined> {
  const useLayers = await askLayers(inspection);
  if (useLayers === undefined) return undefined;
  const items = setupItems(inspection.facts);
  const picked = await multiselect({
    message: 'What should init set up? (space toggles, enter accepts)',
    options: items,
    initialValues: items.map((i) => i.value),
    required: false,
  });
  if (isCancel(picked)) return undefined;
  const choices: InitChoices = { ...defaultChoices, layers: useLayers };
  for (const item of items) choices[item.value] = picked.includes(item.value);
  const split = choices.docs ? await askSplit(inspection, maxLines) : false;
  if (split === undefined) return undefined;
  return { choices, split };
}

/** Whether to use the layers proposal (asked only when there is one and no config yet); undefined on cancel. */
async function askLayers(inspection: InitInspection): Promise<boolean | undefined> {
  const { layers } = inspection;
  if (layers.mode === 'none' || inspection.existingConfig !== undefined) return true;
  const hint = layers.section?.order.join(' → ') ?? layers.contracts?.map((c) => c.name).join(', ');
  const answer = await select({
    message: `Layers: ${layers.explanation[0] ?? ''}`,
    options: [
      {
        value: true,
        label: `Use the proposal (${proposalName(layers)})`,
        ...(hint === undefined ? {} : { hint }),
      },
      { value: false, label: 'Leave layers out for now' },
    ],
    initialValue: true,
  });
  return isCancel(answer) ? undefined : answer;
}

function proposalName(layers: InitInspection['layers']): string {
  if (layers.mode === 'domains') return 'domain mode';
  if (layers.mode === 'paths') return 'path mode';
  return layers.fit === undefined ? 'contracts from your rules' : 'contracts the code obeys';
}

/** The files init can set up, each offered only when the repository has what it needs. */
function setupItems(facts: InitInspection['facts']): { value: Item; label: string; hint?: string }[] {
  const items: { value: Item; label: string; hint?: string }[] = [
    {
      value: 'docs',
      label: 'AGENTS.md map and docs/ knowledge base',
      hint: facts.agentsMd === undefined ? 'new map' : 'your AGENTS.md is kept',
    },
    { value: 'claude', label: 'CLAUDE.md loading AGENTS.md', hint: facts.claudeMd ? 'yours is kept' : '@AGENTS.md' },
    { value: 'workflow', label: 'GitHub workflow .github/workflows/harness.yml' },
    { value: 'rulesets', label: 'Ruleset .github/rulesets/main.json requiring the check' },
    { value: 'baselines', label: "Baselines of today's findings, so harness check is green now" },
  ];
  if (Object.keys(facts.scripts).some((s) => s === 'build' || s === 'test'))
    items.push({ value: 'budgets', label: 'Time budgets for the build and test scripts' });
  if (facts.composeFiles.length > 0)
    items.push({ value: 'compose', label: `Per-worktree stacks from ${facts.composeFiles.join(', ')}` });
  return items;
}

/** Whether to split a map over the limit (asked only then); undefined on cancel. */
async function askSplit(inspection: InitInspection, maxLines: number): Promise<boolean | undefined> {
  if ((inspection.mapLines ?? 0) <= maxLines) return false;
  const answer = await confirm({
    message: `AGENTS.md has ${inspection.mapLines ?? 0} lines (limit ${maxLines}). Move its sections into docs/agents/ and keep a short map?`,
    initialValue: false,
  });
  return isCancel(answer) ? undefined : answer;
}

/** The last question before anything is written. */
export async function confirmApply(): Promise<boolean> {
  const answer = await confirm({ message: 'Write these files?', initialValue: true });
  return !isCancel(answer) && answer;
}
