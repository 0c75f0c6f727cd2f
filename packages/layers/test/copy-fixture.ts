// Fixture repos are copied to a temporary folder, so tests may write caches, baselines and edits.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayersConfig } from 'agent-harness-config';
import { loadConfig } from 'agent-harness-config';

export interface FixtureCopy {
  root: string;
  config: LayersConfig;
  remove(): Promise<void>;
}

export async function copyFixture(name: string): Promise<FixtureCopy> {
  const root = await mkdtemp(join(tmpdir(), `harness-layers-${name}-`));
  await cp(new URL(`./fixtures/${name}`, import.meta.url), root, { recursive: true });
  const loaded = await loadConfig({ cwd: root });
  if (loaded.config.layers === undefined) throw new Error(`fixture ${name} has no layers section`);
  return { root, config: loaded.config.layers, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A diagnostic as one readable line: `rule file:line → target (type)`. */
export function brief(d: { rule: string; file: string; line?: number; target?: string; typeOnly?: boolean }): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const target = d.target === undefined ? '' : ` → ${d.target}`;
  return `${d.rule} ${where}${target}${d.typeOnly === true ? ' (type)' : ''}`;
}
