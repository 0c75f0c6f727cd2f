// harness.config.yaml as init writes it: every section it can fill from what
// it found, each with a comment saying where the values came from. The text is
// validated against agent-harness-config's schema before anything is written.
import { validateConfig } from 'agent-harness-config';
import { Document, isScalar, visit } from 'yaml';
import type { LayersProposal } from './propose-layers.js';
import { describeFit } from './propose-layers.js';
import { proposeDocsConfig } from './propose-docs-config.js';
import type { RepoFacts } from './repo-facts.js';
import { commandLine } from './package-manager-commands.js';

/** The schema's own $id: one URL that works with every package manager's layout. */
export const schemaUrl = 'https://unpkg.com/agent-harness-config/schema.json';

export interface ConfigChoices {
  layers: boolean;
  budgets: boolean;
  compose: boolean;
  rulesets: boolean;
}

export interface ConfigProposal {
  text: string;
  /** Section names written, in order. */
  sections: string[];
}

const budgetScripts = ['build', 'test'] as const;
const budgetSeconds = 300;

const configHeader =
  `# yaml-language-server: $schema=${schemaUrl}\n` +
  '# Written by `harness init`. Every section is optional: `harness check` runs the checks whose\n' +
  '# section is here. Each key is described in the schema above (editors complete it).\n' +
  'version: 1\n';

export function proposeConfig(
  facts: RepoFacts,
  layers: LayersProposal,
  choices: ConfigChoices,
  maxLines = 150,
): ConfigProposal {
  const blocks: string[] = [configHeader];
  const sections: string[] = [];
  const add = (name: string, comment: readonly string[], value: unknown) => {
    sections.push(name);
    blocks.push(`${comment.map((c) => `# ${c}`).join('\n')}\n${toYaml({ [name]: value })}`);
  };
  const contracts = layers.contracts ?? [];
  if (choices.layers && (layers.section !== undefined || contracts.length > 0)) {
    add('layers', [...layers.explanation, ...fitComments(layers)], {
      ...layers.section,
      ...(contracts.length > 0 ? { contracts } : {}),
      ...(layers.ignore === undefined ? {} : { ignore: layers.ignore }),
    });
  }
  const docs = proposeDocsConfig(facts, maxLines);
  add('docs', docs.explanation, { ...docs.section });
  const scripts = budgetScripts.filter((s) => facts.scripts[s] !== undefined);
  if (choices.budgets && scripts.length > 0) {
    add(
      'budgets',
      [
        `From the package.json scripts ${scripts.join(' and ')}. ${budgetSeconds} seconds is a first guess:`,
        'run `harness budget` and set each to about 1.2 × its median.',
      ],
      budgetEntries(facts, scripts),
    );
  }
  if (choices.compose && facts.composeFiles.length > 0) {
    add('compose', ['The project’s own compose files, one stack per git worktree (harness up).'], {
      files: facts.composeFiles,
    });
  }
  if (choices.rulesets) {
    add('rulesets', ['GitHub rulesets kept as files: `harness rulesets plan`, then `apply`.'], {
      dir: '.github/rulesets',
    });
  }
  const text = blocks.join('\n');
  assertValid(text);
  return { text, sections };
}

/** How well the code obeys each contract written, as init measured it (counted before any baseline). */
function fitComments(layers: LayersProposal): string[] {
  const chosen = layers.fit?.chosen ?? [];
  return chosen.length === 0 ? [] : ['Fit when init wrote this:', ...chosen.map((c) => `  ${describeFit(c)}`)];
}

/** One budget per script, run through the repository's package manager. */
function budgetEntries(
  facts: RepoFacts,
  scripts: readonly string[],
): { name: string; command: string; seconds: number }[] {
  return scripts.map((name) => ({
    name,
    command: commandLine(facts.packageManager.agent, 'run', [name]),
    seconds: budgetSeconds,
  }));
}

/** A proposal the schema rejects is a bug in init, never the user's: thrown as a plain Error. */
function assertValid(text: string): void {
  const validation = validateConfig(text, 'harness.config.yaml');
  if (!validation.ok) {
    throw new Error(
      `init proposed an invalid harness.config.yaml: ${validation.problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`,
    );
  }
}

/** Block style for maps, flow style for short lists of scalars: `order: [types, service]`. */
function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
