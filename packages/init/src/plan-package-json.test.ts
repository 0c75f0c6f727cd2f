import { describe, expect, it } from 'vitest';
import { planPackageJson } from './plan-package-json.js';

describe('planPackageJson', () => {
  it('adds harness to devDependencies in sorted position, keeping two-space indentation', () => {
    const text = '{\n  "name": "a",\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "typescript": "^5.0.0"\n  }\n}\n';
    expect(planPackageJson(text, '1.2.3', 'npm i')).toMatchObject({
      action: 'update',
      content: '{\n  "name": "a",\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "harness": "^1.2.3",\n    "typescript": "^5.0.0"\n  }\n}\n',
    });
  });

  it('leaves package.json alone when harness is already a dependency of any kind', () => {
    expect(planPackageJson('{"dependencies":{"harness":"0.0.1"}}', '1.2.3', 'npm i')).toMatchObject({ action: 'unchanged', reason: 'harness is already in dependencies (0.0.1)' });
  });

  it('skips a repository without package.json', () => {
    expect(planPackageJson(undefined, '1.2.3', 'npm i').action).toBe('skip');
  });
});
