// `--sarif FILE` and `--summary FILE`: the SARIF log and the Markdown step summary written from the
// same run whose `--format` goes to stdout (docs/github-action.md), so CI runs the checks once.
// The paths are judged before any check runs (a bad one is a USAGE error, exit 2, and nothing is
// written); each file is written atomically through agent-harness-system.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Format } from 'agent-harness-diagnostics';
import { HarnessError } from 'agent-harness-diagnostics';
import { writeFileAtomic } from 'agent-harness-system';
import type { OptionSpec } from '../command-spec.js';

export const reportFileOptions: OptionSpec[] = [
  {
    name: 'sarif',
    type: 'string',
    valueName: 'file',
    description: 'Also write the findings as SARIF 2.1.0 to this file (replaced), from the same run.',
  },
  {
    name: 'summary',
    type: 'string',
    valueName: 'file',
    description:
      'Also append the Markdown summary to this file, from the same run (e.g. "$GITHUB_STEP_SUMMARY"; cut to fit its 1 MiB).',
  },
];

export interface ReportFile {
  option: 'sarif' | 'summary';
  /** Absolute. */
  path: string;
  format: Format;
  /** The summary keeps what earlier steps wrote to $GITHUB_STEP_SUMMARY. */
  append: boolean;
}

/** GitHub refuses a step summary over 1 MiB, and then shows none of it. */
const summaryLimitBytes = 1024 * 1024;

/** The report files asked for, judged before anything runs. */
export function reportFiles(options: Record<string, unknown>, cwd: string): ReportFile[] {
  const files: ReportFile[] = [];
  for (const [option, format] of [
    ['sarif', 'sarif'],
    ['summary', 'markdown'],
  ] as const) {
    const given = options[option];
    if (typeof given !== 'string') continue;
    const path = judgePath(option, given, cwd);
    const twice = files.find((f) => f.path === path);
    if (twice !== undefined)
      throw usage(`--${twice.option} and --${option} name the same file ${given}`, 'Give each its own file.');
    files.push({ option, path, format, append: option === 'summary' });
  }
  return files;
}

function judgePath(option: string, given: string, cwd: string): string {
  if (given.trim() === '') throw usage(`--${option} needs a file name`, `Write --${option} <file>.`);
  const path = resolve(cwd, given);
  if (kindOf(path) === 'folder')
    throw usage(`--${option} ${given} is a folder`, `Name a file, e.g. --${option} ${given}/harness.out.`);
  // The nearest part of the path that exists must be a folder (missing folders are created).
  let parent = dirname(path);
  while (kindOf(parent) === undefined && dirname(parent) !== parent) parent = dirname(parent);
  if (kindOf(parent) === 'file')
    throw usage(`--${option} ${given} lies under ${parent}, which is a file`, 'Name a file in a folder.');
  return path;
}

function kindOf(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

function usage(message: string, fix: string): HarnessError {
  return new HarnessError('USAGE', message, { fix });
}

/** Writes each file with `render(format, maxBytes)`; a write that fails is IO_FAILED (exit 2). */
export async function writeReportFiles(
  files: readonly ReportFile[],
  render: (format: Format, maxBytes: number | undefined) => string,
): Promise<void> {
  for (const file of files) {
    const existing = file.append ? readExisting(file.path) : '';
    const before = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
    const room = file.option === 'summary' ? summaryLimitBytes - Buffer.byteLength(before) : undefined;
    try {
      await writeFileAtomic(file.path, `${before}${render(file.format, room)}`);
    } catch (cause) {
      throw new HarnessError('IO_FAILED', `cannot write the --${file.option} file ${file.path}`, {
        place: { file: file.path },
        fix: 'Check that the folder is writable, or name another file.',
        cause,
      });
    }
  }
}

function readExisting(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
