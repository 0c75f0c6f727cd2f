// The docs check's findings kept in .harness/cache/docs-results.json with the trace of the run that
// found them (run-trace.ts): the file list, every text read, HEAD and each answer the file system
// and git gave. A run that lists, reads and is told the same would find the same, so it takes the
// findings from here without parsing, loading the parse cache or running a rule; only docs/stale's
// clock is applied again (stale-findings.ts). Anything else (another config, another build of this
// package, one changed byte, one other answer) runs the check in full. A cache that cannot be read is
// ignored; one that cannot be written costs only time.
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocsConfig } from 'agent-harness-config';
import { testFixtureGlobs } from 'agent-harness-config/load';
import { assertInsideRoot, codeFingerprint, ensureStateDir, writeFileInside } from 'agent-harness-system';
import { hashText } from './parse-cache.js';
import { readInside, realRoot } from './read-inside.js';
import type { Finding } from './rules/docs-rule.js';
import type { TraceKey } from './run-trace.js';
import { sameAsTraced } from './run-trace.js';
import type { StaleCandidate } from './stale-findings.js';
import { staleFindings } from './stale-findings.js';

export const resultCacheFile = '.harness/cache/docs-results.json';
const formatVersion = 1;

/** One rule's part of a run: its findings, or for docs/stale the docs the clock is applied to. */
export type RuleResult = { rule: string; findings: Finding[] } | { rule: 'stale'; stale: StaleCandidate[] };

export interface RecordedRun {
  /** Markdown files read. */
  files: number;
  notes: string[];
  rules: RuleResult[];
}

interface StoredResults {
  version: number;
  tool: string;
  config: string;
  key: TraceKey;
  run: RecordedRun;
}

/** The findings of a run's rules at `now`, in the rules' order. */
export function findingsAt(rules: readonly RuleResult[], now: number, config: DocsConfig): Finding[] {
  return rules.flatMap((r) => ('stale' in r ? staleFindings(r.stale, now, config.staleAfterDays) : r.findings));
}

/** The kept run, when a run now would list, read and be told exactly what it was; else undefined. */
export async function keptRun(root: string, config: DocsConfig): Promise<RecordedRun | undefined> {
  // Fingerprinted on libuv's threads while the kept file is read and parsed here.
  const tool = toolVersion();
  tool.catch(() => undefined); // awaited below, or not needed
  try {
    const rootReal = realRoot(root);
    const read = readInside(root, rootReal, resultCacheFile, true);
    if (read === undefined || !('text' in read)) return undefined;
    const stored = JSON.parse(read.text) as Partial<StoredResults>;
    if (stored.version !== formatVersion || stored.tool !== (await tool) || stored.config !== configKey(config))
      return undefined;
    if (stored.key === undefined || stored.run === undefined || !Array.isArray(stored.run.rules)) return undefined;
    return (await sameAsTraced(stored.key, root, rootReal, hashText)) ? stored.run : undefined;
  } catch {
    // Unreadable, malformed, or git failed while comparing: the check runs in full and says why.
    return undefined;
  }
}

/** Keeps a run's results with its trace, never through a symbolic link out of the repository. */
export async function keepRun(root: string, config: DocsConfig, key: TraceKey, run: RecordedRun): Promise<void> {
  const stored: StoredResults = {
    version: formatVersion,
    tool: await toolVersion(),
    config: configKey(config),
    key,
    run,
  };
  await assertInsideRoot(root, resultCacheFile);
  await ensureStateDir(dirname(join(root, resultCacheFile)));
  await writeFileInside(root, resultCacheFile, JSON.stringify(stored), { durable: false });
}

/** The config as the rules read it, with the fixture globs the config package adds. */
function configKey(config: DocsConfig): string {
  return JSON.stringify([config, testFixtureGlobs]);
}

/**
 * This package's code and that of the two it runs (diagnostics' messages, system's git adapter),
 * each as its version and its files' names, sizes and times: results found by another version, or
 * by a build whose rules have since been edited (in a checkout of harness), are not trusted.
 */
async function toolVersion(): Promise<string> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const require = createRequire(import.meta.url);
  const parts = await Promise.all([
    codeFingerprint(here),
    ...['agent-harness-diagnostics', 'agent-harness-system'].map(async (dependency) => {
      // The same build folder as this one's: dist/, or src/ where the sources run (tests).
      const dir = dirname(require.resolve(`${dependency}/package.json`));
      return `${dependency}:${await codeFingerprint(join(dir, basename(here)))}`;
    }),
  ]);
  return hashText(parts.join('\n'));
}
