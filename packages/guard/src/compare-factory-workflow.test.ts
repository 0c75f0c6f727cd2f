import { describe, expect, it } from 'vitest';
import { compareFactoryWorkflow } from './compare-factory-workflow.js';
import { memoryInput } from './memory-input.fixture.js';

const base = `---
labels: [agent-ready]
maxTurns: 20
concurrency: 1
humanLabel: harness:human
requireHumanReview: true
hooks:
  timeoutSeconds: 60
---
Work on issue {{issue.number}}: {{issue.title}}.

Run \`harness check\` before you push; it must be green.
Never edit the guard's files to make a check pass.
`;

async function compare(head: string | undefined): Promise<string[]> {
  const input = memoryInput({ 'WORKFLOW.md': base }, head === undefined ? {} : { 'WORKFLOW.md': head });
  return (await compareFactoryWorkflow(input)).map((l) => `${l.file}:${l.line} ${l.what}`);
}

describe('compareFactoryWorkflow', () => {
  it('reports numbers raised at their line, nested ones too', async () => {
    const head = base.replace('maxTurns: 20', 'maxTurns: 50').replace('timeoutSeconds: 60', 'timeoutSeconds: 600');
    expect(await compare(head)).toEqual([
      'WORKFLOW.md:3 front matter maxTurns: 20 → 50',
      'WORKFLOW.md:8 front matter hooks.timeoutSeconds: 60 → 600',
    ]);
  });

  it('reports a key removed and a hand-off switch turned off', async () => {
    const head = base
      .replace('humanLabel: harness:human\n', '')
      .replace('requireHumanReview: true', 'requireHumanReview: false');
    expect(await compare(head)).toEqual([
      'WORKFLOW.md:1 front matter humanLabel removed (was "harness:human")',
      'WORKFLOW.md:5 front matter requireHumanReview: true → false',
    ]);
  });

  it('reports prompt lines about harness check or the guard removed', async () => {
    const head = base.replace("Never edit the guard's files to make a check pass.\n", '');
    expect(await compare(head)).toEqual([
      `WORKFLOW.md:13 prompt line removed: "Never edit the guard's files to make a check pass."`,
    ]);
  });

  it('reports the file deleted', async () => {
    expect(await compare(undefined)).toEqual([
      "WORKFLOW.md:1 WORKFLOW.md deleted: the factory's loop settings and prompt go back to the defaults",
    ]);
  });

  it('gives nothing for limits lowered, labels narrowed, prompt lines moved or reworded elsewhere', async () => {
    const head = `---
labels: [agent-ready, small]
maxTurns: 10
concurrency: 1
humanLabel: needs-person
requireHumanReview: true
hooks:
  timeoutSeconds: 30
  afterCreate: pnpm install
---
Never edit the guard's files to make a check pass.
Run \`harness check\` before you push; it must be green.

Fix issue {{issue.number}} ({{issue.title}}) with a test.
`;
    expect(await compare(head)).toEqual([]);
  });
});
