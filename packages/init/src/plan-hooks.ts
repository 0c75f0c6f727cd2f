// A pre-push hook running `harness check --changed` (the findings of what the push changes), added
// through the repository's own hook manager: husky (.husky/pre-push), lefthook (lefthook.yml's
// pre-push commands) or simple-git-hooks (its package.json key or config file). Without one, init
// adds none and says so: it never writes .git/hooks, which no clone shares.
// https://typicode.github.io/husky/, https://lefthook.dev/configuration/, https://github.com/toplenboren/simple-git-hooks
import { parseDocument } from 'yaml';
import type { PlannedFile } from './init-plan.js';
import { harnessCommand } from './package-manager-commands.js';
import type { RepoFacts } from './repo-facts.js';
import { entryOf, escapingFolder, readInside } from './repo-entry.js';

const huskyHook = '.husky/pre-push';
const lefthookFiles = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'];
const simpleGitHooksFiles = ['.simple-git-hooks.json', 'simple-git-hooks.json'];
const purpose = 'pre-push hook: `harness check --changed`, the findings in the files this push changes';

/**
 * Adds the hook's file to `files` (or changes the planned package.json for simple-git-hooks) and
 * returns the notes for the plan.
 */
export async function planHooks(facts: RepoFacts, files: PlannedFile[]): Promise<string[]> {
  const command = hookCommand(facts);
  const manifest = packageJson(facts, files);
  const has = (path: string) => facts.files.includes(path);
  if (facts.files.some((f) => f.startsWith('.husky/')) || dependsOn(manifest, 'husky'))
    return addFile(files, await huskyFile(facts.root, command), 'husky');
  const lefthook = lefthookFiles.find(has);
  if (lefthook !== undefined) return addFile(files, await lefthookFile(facts.root, lefthook, command), 'lefthook');
  const simpleConfig = simpleGitHooksFiles.find(has);
  if (simpleConfig !== undefined || (manifest !== undefined && 'simple-git-hooks' in manifest.value)) {
    const planned = await simpleGitHooksFile(facts, files, simpleConfig, command);
    const notes = addFile(files, planned, 'simple-git-hooks');
    return planned.content === undefined
      ? notes
      : [...notes, 'Run `npx simple-git-hooks` to install the changed hook.'];
  }
  return [
    `No pre-push hook: no hook manager found (husky, lefthook, simple-git-hooks). To check each push, run \`${command}\` from one.`,
  ];
}

/**
 * The hook runs only the installed harness: `npx harness` and `bunx harness` download a package when
 * none is installed (npx assumes --yes without a terminal), and the npm package named `harness` is
 * someone else's.
 */
function hookCommand(facts: RepoFacts): string {
  const manager = facts.packageManager.name;
  if (manager === 'npm') return 'npx --no -- harness check --changed';
  if (manager === 'bun') return 'bun run harness check --changed';
  return `${harnessCommand(facts.packageManager.agent)} check --changed`;
}

function addFile(files: PlannedFile[], planned: PlannedFile, manager: string): string[] {
  const at = files.findIndex((f) => f.path === planned.path);
  if (at === -1) files.push(planned);
  else files[at] = planned;
  if (planned.content === undefined) return [`pre-push hook (${manager}): ${planned.path} ${planned.reason}.`];
  return [`pre-push hook (${manager}): \`${firstLineWith(planned.content, 'harness')}\` in ${planned.path}.`];
}

function firstLineWith(text: string, word: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.includes(word))
      ?.trim() ?? word
  );
}

/** The current text of a hook file init may change: undefined when absent; a link or a way out is kept. */
async function current(root: string, path: string): Promise<{ text: string | undefined } | PlannedFile> {
  const entry = await entryOf(root, path);
  if (entry.kind === 'link' || (await escapingFolder(root, path)) !== undefined)
    return { path, action: 'keep', reason: 'is a symbolic link: add the hook yourself' };
  if (entry.kind !== 'missing' && entry.kind !== 'file')
    return { path, action: 'skip', reason: 'is not a file: add the hook yourself' };
  return { text: await readInside(root, path) };
}

async function huskyFile(root: string, command: string): Promise<PlannedFile> {
  const found = await current(root, huskyHook);
  if ('path' in found) return found;
  if (found.text === undefined) return { path: huskyHook, action: 'create', reason: purpose, content: `${command}\n` };
  if (found.text.includes('harness check'))
    return { path: huskyHook, action: 'unchanged', reason: 'already runs harness check' };
  const separator = found.text === '' || found.text.endsWith('\n') ? '' : '\n';
  return { path: huskyHook, action: 'update', reason: purpose, content: `${found.text}${separator}${command}\n` };
}

async function lefthookFile(root: string, path: string, command: string): Promise<PlannedFile> {
  const found = await current(root, path);
  if ('path' in found) return found;
  const text = found.text ?? '';
  if (text.includes('harness check')) return { path, action: 'unchanged', reason: 'already runs harness check' };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { path, action: 'keep', reason: 'is not valid YAML: add the hook yourself' };
  doc.setIn(['pre-push', 'commands', 'harness', 'run'], command);
  return { path, action: 'update', reason: purpose, content: doc.toString() };
}

interface Manifest {
  value: Record<string, unknown>;
  /** The text it came from: the planned package.json when init already changes it. */
  text: string;
}

function packageJson(facts: RepoFacts, files: readonly PlannedFile[]): Manifest | undefined {
  const text = files.find((f) => f.path === 'package.json')?.content ?? facts.packageJsonText;
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return value !== null && typeof value === 'object' ? { value: value as Record<string, unknown>, text } : undefined;
  } catch {
    return undefined;
  }
}

function dependsOn(manifest: Manifest | undefined, name: string): boolean {
  return ['dependencies', 'devDependencies'].some((field) => {
    const deps = manifest?.value[field];
    return deps !== null && typeof deps === 'object' && name in deps;
  });
}

/** simple-git-hooks: its own JSON file, else the package.json key (keeping the file's indentation). */
async function simpleGitHooksFile(
  facts: RepoFacts,
  files: readonly PlannedFile[],
  configFile: string | undefined,
  command: string,
): Promise<PlannedFile> {
  const path = configFile ?? 'package.json';
  const planned = files.find((f) => f.path === path);
  // package.json kept or skipped by init (a link, none at the root) stays as planned.
  if (planned !== undefined && (planned.action === 'keep' || planned.action === 'skip')) return planned;
  const found = await current(facts.root, path);
  if ('path' in found) return found;
  const text = configFile === undefined ? packageJson(facts, files)?.text : found.text;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse((text ?? '{}').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return { path, action: 'keep', reason: 'is not valid JSON: add the hook yourself' };
  }
  const hooks = configFile === undefined ? value['simple-git-hooks'] : value;
  if (hooks === null || typeof hooks !== 'object' || Array.isArray(hooks))
    return planned ?? { path, action: 'keep', reason: 'holds no simple-git-hooks object: add the hook yourself' };
  return withPrePush(path, text, value, hooks as Record<string, unknown>, planned, command);
}

function withPrePush(
  path: string,
  text: string | undefined,
  value: Record<string, unknown>,
  hooks: Record<string, unknown>,
  planned: PlannedFile | undefined,
  command: string,
): PlannedFile {
  const before = typeof hooks['pre-push'] === 'string' ? hooks['pre-push'] : undefined;
  if (before?.includes('harness check') === true)
    return planned ?? { path, action: 'unchanged', reason: 'already runs harness check' };
  hooks['pre-push'] = before === undefined || before.trim() === '' ? command : `${before} && ${command}`;
  const indent = /^([ \t]+)"/m.exec(text ?? '')?.[1] ?? '  ';
  const eol = text?.includes('\r\n') === true ? '\r\n' : '\n';
  const content = `${JSON.stringify(value, null, indent).split('\n').join(eol)}${eol}`;
  const reason = planned?.content === undefined ? purpose : `${planned.reason}; ${purpose}`;
  return {
    path,
    action: 'update',
    reason,
    content: `${text?.startsWith('\uFEFF') === true ? '\uFEFF' : ''}${content}`,
  };
}
