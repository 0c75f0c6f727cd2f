import { describe, expect, it } from 'vitest';
import { compareWorkflow } from './compare-workflow.js';
import { memoryInput } from './memory-input.fixture.js';

const file = '.github/workflows/ci.yml';
const base = `name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: harness check
        run: pnpm exec harness check --format github
      - name: summary
        if: always()
        run: pnpm harness check --format markdown >> "$GITHUB_STEP_SUMMARY"
      - name: upload sarif
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@v3
  action:
    runs-on: ubuntu-latest
    steps:
      - uses: agent-harness/agent-harness@v1
        with:
          upload-sarif: true
`;

async function compare(head: string | undefined): Promise<string[]> {
  const input = memoryInput({ [file]: base }, head === undefined ? {} : { [file]: head });
  return (await compareWorkflow(input)).map((l) => `${l.line} ${l.what}`);
}

describe('compareWorkflow', () => {
  it('reports || true, set +e and ; true added to the gate script', async () => {
    expect(await compare(base.replace('--format github', '--format github || true'))).toEqual([
      "12 job check, step harness check: `|| true` ignores the gate's failure",
    ]);
    expect(await compare(base.replace('run: pnpm exec', 'run: |\n          set +e\n          pnpm exec'))).toEqual([
      "12 job check, step harness check: `set +e` ignores the gate's failure",
    ]);
    expect(await compare(base.replace('--format github', '--format github; true'))).toEqual([
      "12 job check, step harness check: `; true` ignores the gate's failure",
    ]);
  });

  it('reports continue-on-error on the gate step or its job', async () => {
    const step = base.replace('        run: pnpm exec', '        continue-on-error: true\n        run: pnpm exec');
    expect(await compare(step)).toEqual(['12 job check, step harness check: continue-on-error: true']);
    const job = base.replace('  check:\n    runs-on', '  check:\n    continue-on-error: true\n    runs-on');
    expect(await compare(job)).toEqual(['8 job check: continue-on-error: true']);
  });

  it('reports an if: added that can skip the gate', async () => {
    const skip = base.replace('        run: pnpm exec', '        if: ${{ false }}\n        run: pnpm exec');
    expect(await compare(skip)).toEqual(['12 job check, step harness check: if: ${{ false }} can skip it']);
    const job = base.replace('  action:\n', "  action:\n    if: github.actor != 'bot'\n");
    expect(await compare(job)).toEqual(["20 job action: if: github.actor != 'bot' can skip it"]);
  });

  it('reports the gate step removed, its job removed, the workflow deleted', async () => {
    const removed = base.replace(
      '      - name: harness check\n        run: pnpm exec harness check --format github\n',
      '',
    );
    expect(await compare(removed)).toEqual(['9 job check: the gate step (harness check) removed']);
    const noCheck = base.replace('pnpm exec harness check --format github', 'echo skipped');
    expect(await compare(noCheck)).toEqual([
      '11 job check: the gate step (harness check) no longer runs harness check',
    ]);
    const noJob = base.slice(0, base.indexOf('  action:'));
    expect(await compare(noJob)).toEqual(['6 job action removed; it ran the gate (agent-harness/agent-harness@v1)']);
    expect(await compare(undefined)).toEqual(['1 workflow deleted; it ran the gate (harness check)']);
  });

  it('reports a trigger removed or narrowed, and the action told to run fewer checks', async () => {
    expect(await compare(base.replace('  pull_request:\n', ''))).toEqual(['2 trigger pull_request removed']);
    expect(await compare(base.replace('  pull_request:\n', '  pull_request:\n    paths: [src/**]\n'))).toEqual([
      '4 trigger pull_request: paths filter added',
    ]);
    expect(await compare(base.replace('branches: [main]', 'branches: [release]'))).toEqual([
      '5 trigger push: branches "main" removed',
    ]);
    expect(await compare(base.replace('upload-sarif: true', 'upload-sarif: true\n          checks: docs'))).toEqual([
      '25 job action, step agent-harness/agent-harness@v1: checks: "all" → "docs"',
    ]);
  });

  it('gives nothing for tightening, reordering, report-only steps or unrelated edits', async () => {
    const edited = base
      .replace('  push:\n    branches: [main]\n', '  push:\n  merge_group:\n')
      .replace('upload-sarif@v3', 'upload-sarif@v4')
      .replace('      - uses: actions/checkout@v4\n', '      - uses: actions/checkout@v5\n      - run: pnpm install\n')
      .replace('--format github', '--format github --max-warnings 0');
    expect(await compare(edited)).toEqual([]);
    const other = memoryInput({ [file]: base, '.github/workflows/x.yml': 'on: push\n' }, { [file]: base });
    expect(await compareWorkflow(other)).toEqual([]);
  });
});
