// Dynamic reload (docs/factory.md "Reconciliation"): before every pass the loop re-reads
// harness.config.yaml's factory section and WORKFLOW.md from the base branch, whose
// front matter overrides it. An invalid new version never stops the loop: the last
// good settings and prompt stay, and the error is logged.
import type { FactoryConfig } from 'agent-harness-config';
import { loadConfig, sectionDefaults } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import type { FactoryContext } from './factory-context.js';
import type { PromptTemplate } from './prompt-template.js';
import { parseWorkflow, readWorkflowFromBase } from './workflow-file.js';

export interface LoopSettings {
  config: FactoryConfig;
  prompt?: PromptTemplate | undefined;
}

export type LoadSettings = () => Promise<LoopSettings>;

/** The loader `harness factory` uses: the config file at `root`, then the base branch's WORKFLOW.md over it. */
export function repositorySettings(root: string): LoadSettings {
  return async () => {
    const loaded = await loadConfig({ cwd: root });
    return withWorkflow(root, loaded.config.factory ?? sectionDefaults('factory'));
  };
}

/** The config with the base branch's WORKFLOW.md applied (front matter over config); as is without one. */
export async function withWorkflow(root: string, config: FactoryConfig): Promise<LoopSettings> {
  const text = await readWorkflowFromBase(root, config.base, config.workflow);
  if (text === undefined) return { config };
  const workflow = parseWorkflow(text, config.workflow);
  return { config: { ...config, ...workflow.settings }, prompt: workflow.template };
}

/** Applies freshly loaded settings to the loop; an error is logged and the last good settings stay. */
export async function applySettings(
  ctx: FactoryContext,
  reload: LoadSettings | undefined,
  log: (event: Record<string, unknown>) => void,
): Promise<void> {
  if (reload === undefined) return;
  try {
    const next = await reload();
    ctx.config = next.config;
    ctx.prompt = next.prompt;
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    log({
      event: 'settings-invalid',
      error: error.message,
      ...(error.fix === undefined ? {} : { fix: error.fix }),
      kept: 'the last good settings and prompt',
    });
  }
}
