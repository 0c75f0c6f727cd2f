import { describe, expect, it } from 'vitest';
import { planPackageJson } from './plan-package-json.js';

describe('planPackageJson', () => {
  it('adds harness to devDependencies in sorted position, keeping two-space indentation', () => {
    const text =
      '{\n  "name": "a",\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "typescript": "^5.0.0"\n  }\n}\n';
    expect(planPackageJson(text, '1.2.3', 'npm i')).toMatchObject({
      action: 'update',
      content:
        '{\n  "name": "a",\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "harness": "^1.2.3",\n    "typescript": "^5.0.0"\n  }\n}\n',
    });
  });

  it('leaves package.json alone when harness is already a dependency of any kind', () => {
    expect(planPackageJson('{"dependencies":{"harness":"0.0.1"}}', '1.2.3', 'npm i')).toMatchObject({
      action: 'unchanged',
      reason: 'harness is already in dependencies (0.0.1)',
    });
  });

  it('keeps CRLF line endings, a byte order mark and tab indentation', () => {
    const text = '\uFEFF{\r\n\t"name": "a",\r\n\t"devDependencies": {\r\n\t\t"eslint": "^9.0.0"\r\n\t}\r\n}\r\n';
    expect(planPackageJson(text, '1.2.3', 'npm i')).toMatchObject({
      action: 'update',
      content:
        '\uFEFF{\r\n\t"name": "a",\r\n\t"devDependencies": {\r\n\t\t"eslint": "^9.0.0",\r\n\t\t"harness": "^1.2.3"\r\n\t}\r\n}\r\n',
    });
  });

  it('reads a package.json with a byte order mark whose harness is already there', () => {
    expect(planPackageJson('\uFEFF{"devDependencies":{"harness":"1.0.0"}}', '1.2.3', 'npm i').action).toBe('unchanged');
  });

  it('skips a repository without package.json', () => {
    expect(planPackageJson(undefined, '1.2.3', 'npm i').action).toBe('skip');
  });
});
