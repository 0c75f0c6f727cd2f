// The CI workflow and the ruleset that requires its check.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoFacts } from './repo-facts.js';
import { commandLine, harnessCommand } from './package-manager-commands.js';
import { readTemplate, renderTemplate } from './render-template.js';
import { templatesDir } from './templates-dir.js';

export const workflowPath = '.github/workflows/harness.yml';
export const rulesetPath = '.github/rulesets/main.json';
const rulesetTemplate = 'github/rulesets/main.json';

function defaultBranch(facts: RepoFacts): string {
  return facts.workflows.flatMap((w) => w.branches)[0] ?? facts.branch ?? 'main';
}

export async function renderWorkflow(facts: RepoFacts): Promise<string> {
  const agent = facts.packageManager.agent;
  return renderTemplate('github/workflows/harness.yml', {
    branch: defaultBranch(facts),
    setup: setupSteps(facts),
    install: commandLine(agent, 'frozen'),
    harness: harnessCommand(agent),
  });
}

function setupSteps(facts: RepoFacts): string {
  const pm = facts.packageManager.name;
  const node =
    facts.nodeVersionFile === undefined
      ? `node-version: ${facts.workflows.find((w) => w.nodeVersion !== undefined)?.nodeVersion ?? '22'}`
      : `node-version-file: ${facts.nodeVersionFile}`;
  const cache = pm === 'bun' ? '' : `\n    cache: ${pm}`;
  const steps = [
    ...(pm === 'pnpm' ? ['- uses: pnpm/action-setup@v4'] : []),
    ...(pm === 'bun' ? ['- uses: oven-sh/setup-bun@v2'] : []),
    `- uses: actions/setup-node@v4\n  with:\n    ${node}${cache}`,
  ];
  return steps.join('\n');
}

/** The ruleset template that agent-harness-rulesets ships, or undefined when this build has none. */
export async function renderRuleset(facts: RepoFacts): Promise<string | undefined> {
  if (!existsSync(join(templatesDir(), rulesetTemplate))) return undefined;
  const text = await readTemplate(rulesetTemplate);
  return text.replace(/\{\{branch\}\}/g, defaultBranch(facts));
}
