import { describe, expect, it } from 'vitest';
import { planPackageJson } from './plan-package-json.js';

describe('planPackageJson', () => {
  it('adds agent-harness (the package of the harness bin) to devDependencies in sorted position, keeping two-space indentation', () => {
    const text =
      '{\n  "name": "a",\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "typescript": "^5.0.0"\n  }\n}\n';
    expect(planPackageJson(text, '1.2.3', 'npm i')).toMatchObject({
      action: 'update',
      reason: 'devDependencies.agent-harness ^1.2.3; install with --install or `npm i`',
      content:
        '{\n  "name": "a",\n  "devDependencies": {\n    "agent-harness": "^1.2.3",\n    "eslint": "^9.0.0",\n    "typescript": "^5.0.0"\n  }\n}\n',
    });
  });

  it('adds agent-harness beside the unrelated npm package named harness', () => {
    const planned = planPackageJson('{"devDependencies":{"harness":"0.0.6"}}\n', '1.2.3', 'npm i');
    expect(planned.action).toBe('update');
    expect(JSON.parse(planned.content ?? '')).toEqual({
      devDependencies: { 'agent-harness': '^1.2.3', harness: '0.0.6' },
    });
  });

  it('leaves package.json alone when agent-harness is already a dependency of any kind', () => {
    expect(planPackageJson('{"dependencies":{"agent-harness":"0.0.1"}}', '1.2.3', 'npm i')).toMatchObject({
      action: 'unchanged',
      reason: 'agent-harness is already in dependencies (0.0.1)',
    });
  });

  it('keeps CRLF line endings, a byte order mark and tab indentation', () => {
    const text = '\uFEFF{\r\n\t"name": "a",\r\n\t"devDependencies": {\r\n\t\t"eslint": "^9.0.0"\r\n\t}\r\n}\r\n';
    expect(planPackageJson(text, '1.2.3', 'npm i')).toMatchObject({
      action: 'update',
      content:
        '\uFEFF{\r\n\t"name": "a",\r\n\t"devDependencies": {\r\n\t\t"agent-harness": "^1.2.3",\r\n\t\t"eslint": "^9.0.0"\r\n\t}\r\n}\r\n',
    });
  });

  it('reads a package.json with a byte order mark whose agent-harness is already there', () => {
    expect(planPackageJson('\uFEFF{"devDependencies":{"agent-harness":"1.0.0"}}', '1.2.3', 'npm i').action).toBe(
      'unchanged',
    );
  });

  it('skips a repository without package.json, naming the package to install', () => {
    expect(planPackageJson(undefined, '1.2.3', 'npm i')).toMatchObject({ action: 'skip' });
    expect(planPackageJson(undefined, '1.2.3', 'npm i').reason).toContain('`npm i -D agent-harness`');
  });
});
