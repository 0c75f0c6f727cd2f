// `harness rulesets export`: the repository's own live rulesets written into
// `rulesets.dir` in GitHub's export format, for teams that start from what they
// clicked together. Nothing is overwritten without --force, and nothing is
// written at all when one file would be.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { assertInsideRoot, writeFileInside } from 'agent-harness-system';
import type { JsonObject } from 'agent-harness-github';
import { formatRepository, getRuleset, listRulesets } from 'agent-harness-github';
import type { RulesetsOptions } from './plan-rulesets.js';
import { connectGithub } from './plan-rulesets.js';
import { toExportFormat } from './request-body.js';
import { readRulesetFiles } from './ruleset-file.js';

export interface ExportOptions extends RulesetsOptions {
  force?: boolean;
  /** Say what would be written, write nothing. */
  dryRun?: boolean;
}

export interface ExportedFile {
  name: string;
  file: string;
  /** Whether a file was already there (and --force replaced it). */
  replaced: boolean;
}

export interface ExportResult {
  repository: string;
  files: ExportedFile[];
  /** Organization and enterprise rulesets, not exported. */
  skipped: string[];
  dryRun: boolean;
}

/** `Main branch / protect` → `main-branch-protect.json`. */
export function exportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'ruleset' : slug}.json`;
}

export async function exportRulesets(options: ExportOptions): Promise<ExportResult> {
  const existing = await readRulesetFiles(options.root, options.dir);
  const client = await connectGithub(options);
  const summaries = await listRulesets(client);
  const own = summaries.filter((s) => (s.source_type ?? 'Repository') === 'Repository');
  const dir = options.dir.replace(/\\/g, '/').replace(/\/+$/, '');
  const taken = new Set<string>();
  const writes: { entry: ExportedFile; text: string }[] = [];
  const full = await Promise.all(own.map((summary) => getRuleset(client, summary.id, summary.name)));
  for (const [index, summary] of own.entries()) {
    const live = full[index] as JsonObject;
    // A ruleset already kept in a file goes back into that file.
    let file = existing.find((f) => f.name === summary.name)?.file ?? `${dir}/${exportFileName(summary.name)}`;
    for (let n = 2; taken.has(file); n += 1)
      file = `${dir}/${exportFileName(summary.name).replace(/\.json$/, `-${n}.json`)}`;
    taken.add(file);
    writes.push({
      entry: { name: summary.name, file, replaced: existsSync(join(options.root, file)) },
      text: `${JSON.stringify(toExportFormat(live), null, 2)}\n`,
    });
  }
  const clashes = writes.filter((w) => w.entry.replaced);
  if (clashes.length > 0 && options.force !== true) {
    throw new HarnessError('FILE_EXISTS', `export would overwrite ${clashes.map((c) => c.entry.file).join(', ')}`, {
      place: { file: clashes[0]?.entry.file ?? dir },
      fix: 'Run `harness rulesets plan` to see how they differ, or pass --force to replace them with what GitHub has.',
    });
  }
  const dryRun = options.dryRun === true;
  // Every target checked before the first write: all files or none.
  for (const { entry } of writes) await assertInsideRoot(options.root, entry.file);
  if (!dryRun) {
    for (const { entry, text } of writes) {
      await writeFileInside(options.root, entry.file, text);
    }
  }
  return {
    repository: formatRepository(client.repository),
    files: writes.map((w) => w.entry),
    skipped: summaries
      .filter((s) => (s.source_type ?? 'Repository') !== 'Repository')
      .map((s) => `${s.name} (${String(s.source_type).toLowerCase()} ruleset of ${String(s.source)})`),
    dryRun,
  };
}
