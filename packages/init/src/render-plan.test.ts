import { describe, expect, it } from 'vitest';
import type { InitResult } from './apply-init.js';
import type { InitPlan } from './init-plan.js';
import { renderResultText } from './render-plan.js';

const plan: InitPlan = {
  root: '/repo',
  facts: {
    packageManager: 'npm',
    packageManagerSource: 'package-lock.json',
    workspaces: [],
    tsconfigs: [],
    sourceRoots: [],
    found: [],
    scripts: [],
  },
  layers: { mode: 'none', explanation: [] },
  files: [{ path: 'package.json', action: 'update', reason: 'devDependencies.agent-harness ^1.0.0', content: '{}' }],
  baselineChecks: [],
  confirm: false,
  installCommand: 'npm i',
  notes: [],
};
const result: InitResult = { written: ['package.json'], baselines: [], notes: [], check: undefined, installed: false };

describe('renderResultText', () => {
  it('names the package to install when init added it to devDependencies and did not install it', () => {
    expect(renderResultText(plan, result, { dryRun: false, color: false })).toContain(
      '`npm i` (or rerun init with --install) to install agent-harness',
    );
  });

  it('says nothing about installing after --install', () => {
    expect(renderResultText(plan, { ...result, installed: true }, { dryRun: false, color: false })).not.toContain(
      'rerun init with --install',
    );
  });
});
