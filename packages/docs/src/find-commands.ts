// Package-manager, make and just invocations in instruction files: `pnpm run X`, `pnpm X`,
// `npm run X`, `yarn X`, `make X`, `just X`, read from code spans and shell code blocks.
export interface CommandRef {
  tool: 'pnpm' | 'npm' | 'yarn' | 'make' | 'just';
  /** The script, target or recipe named. */
  name: string;
  /** True for `pnpm X` / `yarn X` without `run`, which also runs a dependency's binary. */
  implicit: boolean;
  text: string;
}

const shellLangs = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'shellsession', 'terminal', '']);
const valueFlags = new Set([
  '--filter',
  '-F',
  '-C',
  '--dir',
  '--prefix',
  '--workspace',
  '-w',
  '-f',
  '--file',
  '--justfile',
  '--working-directory',
  '-d',
]);
// Commands of the package managers themselves; `test` and `start` run scripts and are checked.
const pnpmBuiltins = new Set(
  'add install i update up upgrade remove rm uninstall un link ln unlink import rebuild rb prune fetch patch patch-commit patch-remove audit list ls ll la outdated why licenses exec dlx create init publish pack store root bin config c setup env deploy doctor server recursive multi m self-update approve-builds ignored-builds cat-file cat-index find-hash help version view info show login logout whoami owner dist-tag search team token cache catalog sbom stars adduser add-user set get info workspace workspaces dedupe plugin policies npm constraints node'.split(
    ' ',
  ),
);
const npmScripts = new Set(['test', 't', 'tst', 'start', 'stop', 'restart']);
const scriptName = /^[\w:.@/-]+$/;
// A placeholder in prose: `yarn X`, `make TARGET`, `pnpm run SCRIPT_NAME` (all capitals), `...`;
// `<script>`, `[name]`, `{script}`, `$SCRIPT` are not script names to begin with.
const placeholder = /^(?:[A-Z][A-Z0-9_]*|\.{2,}|…)$/;

export function isShellRun(kind: 'code' | 'block', lang: string | undefined): boolean {
  return kind === 'code' || shellLangs.has((lang ?? '').toLowerCase());
}

export function findCommands(text: string): CommandRef[] {
  const refs: CommandRef[] = [];
  for (const segment of text.split(/\n|&&|\|\||;|\|/)) {
    const tokens = segment
      .trim()
      .replace(/^\$\s+/, '')
      .split(/\s+/)
      .filter((t) => t !== '');
    while (tokens.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(tokens[0] ?? '')) tokens.shift();
    const tool = tokens.shift();
    if (tool === 'pnpm' || tool === 'npm' || tool === 'yarn')
      refs.push(...packageManager(tool, tokens, segment.trim()));
    else if (tool === 'make' || tool === 'just') refs.push(...taskRunner(tool, tokens, segment.trim()));
  }
  return refs;
}

function positional(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (t === '--') break;
    if (t.startsWith('-')) {
      if (valueFlags.has(t)) i++;
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) continue; // make VAR=value
    out.push(t);
  }
  return out;
}

function packageManager(tool: 'pnpm' | 'npm' | 'yarn', tokens: readonly string[], text: string): CommandRef[] {
  const [command, next] = positional(tokens);
  if (command === undefined) return [];
  if (command === 'run' || command === 'run-script') {
    return next !== undefined && scriptName.test(next) && !placeholder.test(next)
      ? [{ tool, name: next, implicit: false, text }]
      : [];
  }
  if (!scriptName.test(command) || placeholder.test(command)) return [];
  if (tool === 'npm')
    return npmScripts.has(command)
      ? [{ tool, name: command === 't' || command === 'tst' ? 'test' : command, implicit: false, text }]
      : [];
  if (command === 'test' || command === 't' || command === 'start')
    return [{ tool, name: command === 't' ? 'test' : command, implicit: false, text }];
  if (
    pnpmBuiltins.has(command) ||
    (tool === 'yarn' && ['dlx', 'exec', 'run', 'workspace', 'why', 'up'].includes(command))
  )
    return [];
  return [{ tool, name: command, implicit: true, text }];
}

function taskRunner(tool: 'make' | 'just', tokens: readonly string[], text: string): CommandRef[] {
  const names = positional(tokens).filter((t) => /^[\w./%-]+$/.test(t) && !placeholder.test(t));
  const picked = tool === 'just' ? names.slice(0, 1) : names;
  return picked.map((name) => ({ tool, name, implicit: false, text }));
}
