// The base's harness.config.yaml goes through the config cache too (docs/decisions.md, "The base's
// config is cached beside the change's"): a change that edits its config is judged by the base's, and
// an unchanged base text is read back validated instead of loading the YAML parser and the schema.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarnessConfig } from 'agent-harness-config';
import { describe, expect, it, onTestFinished } from 'vitest';
import { judgingConfig } from '../src/cli/base-config.js';

const cacheFile = '.harness/cache/base-config.json';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** `base` committed as harness.config.yaml on main; the work tree (a branch) holds `change`. */
function repo(base: string, change: string): { root: string; commit: string } {
  const root = mkdtempSync(join(tmpdir(), 'harness-base-config-cache-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  git(root, 'init', '-q', '-b', 'main');
  writeFileSync(join(root, 'harness.config.yaml'), base);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'change');
  writeFileSync(join(root, 'harness.config.yaml'), change);
  return { root, commit: git(root, 'rev-parse', 'HEAD') };
}

const baseText = 'version: 1\nlayers:\n  domains: ["src/*"]\n';
const changeText = 'version: 1\nlayers:\n  domains: ["lib/*"]\n';
const changeConfig: HarnessConfig = { version: 1 };

const judge = (root: string, commit: string) =>
  judgingConfig({
    root,
    configFile: join(root, 'harness.config.yaml'),
    changeConfig,
    base: { ref: 'main', commit },
    checks: [],
    writes: false,
  });

describe("the base's config through the cache", () => {
  it('is cached once validated, and read back while the base text is the same', async () => {
    const { root, commit } = repo(baseText, changeText);
    const first = await judge(root, commit);
    expect(first.config).toMatchObject({ layers: { domains: ['src/*'] } });
    expect(first.configEdited).toBe(true);
    const stored = JSON.parse(readFileSync(join(root, cacheFile), 'utf8')) as { config: HarnessConfig };
    expect(stored.config).toStrictEqual(first.config);
    // A marker put into the cache shows that the second run read it instead of validating.
    const layers = { ...first.config.layers, domains: ['marker/*'] };
    writeFileSync(join(root, cacheFile), JSON.stringify({ ...stored, config: { ...stored.config, layers } }));
    expect((await judge(root, commit)).config).toMatchObject({ layers: { domains: ['marker/*'] } });
  });

  it('caches no base config that does not validate, and says why the change judges', async () => {
    const { root, commit } = repo('version: 1\nlayers:\n  domians: ["src/*"]\n', changeText);
    const judged = await judge(root, commit);
    expect(judged.config).toBe(changeConfig);
    expect(judged.note).toMatch(/harness\.config\.yaml on main \(\w{7}\) is not valid \(harness\.config\.yaml:3 /);
    expect(existsSync(join(root, cacheFile))).toBe(false);
  });
});
