import { HarnessError } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { parseWorkflow } from './workflow-file.js';

const issue = { number: 7, title: 'Add x', body: 'Please add x.', labels: ['agent-ready', 'ui'] };

describe('WORKFLOW.md', () => {
  it('renders the issue, the PR and the check into the body, with the front matter as settings', async () => {
    const text = [
      '---',
      'maxTurns: 5',
      'labels: [agent-ready]',
      '---',
      'Work #{{ issue.number }} "{{ issue.title }}" ({{ issue.labels | join: ", " }}), attempt {{ attempt }}.',
      '{{ issue.body }}',
      '{% if pr %}PR #{{ pr.number }} {{ pr.url }}: {{ pr.diffStat }} / {{ pr.reviewComments }}{% endif %}',
      '{% if check %}{{ check.failing }} {{ check.report }}{% endif %}',
    ].join('\n');
    const workflow = parseWorkflow(text, 'WORKFLOW.md');
    expect(workflow.settings).toEqual({ maxTurns: 5, labels: ['agent-ready'] });
    const first = await workflow.template.render({ issue, attempt: 1 });
    expect(first).toContain('Work #7 "Add x" (agent-ready, ui), attempt 1.\nPlease add x.');
    expect(first).not.toContain('PR #');
    const later = await workflow.template.render({
      issue,
      attempt: 3,
      pr: {
        number: 9,
        url: 'https://x/pull/9',
        diffStat: '1 file changed',
        reviewComments: 'alice: rename it',
        reviewThreads: [],
      },
      check: { report: 'layers red', failing: 'ci: tests failed' },
    });
    expect(later).toContain('PR #9 https://x/pull/9: 1 file changed / alice: rename it');
    expect(later).toContain('ci: tests failed layers red');
  });

  it('refuses an unknown front matter key with a suggestion at its line', () => {
    const error = catchError(() => parseWorkflow('---\nlabels: [a]\nmaxTurn: 3\n---\nhi\n', 'WORKFLOW.md'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('WORKFLOW.md:3');
    expect(error.message).toContain('maxTurns');
  });

  it('refuses an invalid value at its line', () => {
    const error = catchError(() => parseWorkflow('---\n\nmaxTurns: -1\n---\nhi\n', 'WORKFLOW.md'));
    expect(error.message).toContain('WORKFLOW.md:3');
  });

  it('an unknown variable is an error at its line, not empty text', async () => {
    const workflow = parseWorkflow('---\nmaxTurns: 2\n---\nline one\n{{ issue.titel }}\n', 'WORKFLOW.md');
    const error = await workflow.template.render({ issue, attempt: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).message).toContain('WORKFLOW.md:5');
  });

  it('a template that does not parse is an error at its line', () => {
    const error = catchError(() => parseWorkflow('hello\n{% if issue %}never closed\n', 'WORKFLOW.md'));
    expect(error.message).toContain('WORKFLOW.md:2');
  });

  it('a file without front matter is all template; an unclosed front matter is refused', async () => {
    expect(await parseWorkflow('Just {{ issue.number }}', 'W.md').template.render({ issue, attempt: 1 })).toBe(
      'Just 7',
    );
    expect(catchError(() => parseWorkflow('---\nmaxTurns: 2\n', 'W.md')).message).toContain('never closed');
  });
});

function catchError(fn: () => unknown): HarnessError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error('expected a HarnessError');
}
