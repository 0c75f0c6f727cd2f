// agent-harness (the npm package of the `harness` bin; the npm name `harness` is an unrelated
// package) in the repository's devDependencies, at the version of the harness running init. The
// file keeps its byte order mark, line endings, indentation, key order and final newline: init
// changes one line of it, not its format.
import type { PlannedFile } from './init-plan.js';

const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
const packageName = 'agent-harness';

export function planPackageJson(text: string | undefined, harnessVersion: string, installCommand: string): PlannedFile {
  if (text === undefined) {
    return {
      path: 'package.json',
      action: 'skip',
      reason: `no package.json at the root; add harness with your package manager (e.g. \`npm i -D ${packageName}\`)`,
    };
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const pkg = JSON.parse(body) as Record<string, unknown>;
  for (const field of dependencyFields) {
    const deps = pkg[field] as Record<string, string> | undefined;
    const present = deps?.[packageName];
    if (present !== undefined)
      return {
        path: 'package.json',
        action: 'unchanged',
        reason: `${packageName} is already in ${field} (${present})`,
      };
  }
  const range = `^${harnessVersion}`;
  const current = (pkg.devDependencies ?? {}) as Record<string, string>;
  const keys = Object.keys(current);
  const sorted = keys.every((k, i) => i === 0 || (keys[i - 1] ?? '') <= k);
  const next = { ...current, [packageName]: range };
  pkg.devDependencies = sorted
    ? Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : next;
  const indent = /^([ \t]+)"/m.exec(body)?.[1] ?? '  ';
  const json = JSON.stringify(pkg, null, indent).split('\n').join(eol);
  const content = `${bom}${json}${body.endsWith('\n') ? eol : ''}`;
  return {
    path: 'package.json',
    action: 'update',
    reason: `devDependencies.${packageName} ${range}; install with --install or \`${installCommand}\``,
    content,
  };
}
