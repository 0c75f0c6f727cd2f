import { describe, expect, it } from 'vitest';
import { compareRulesets } from './compare-rulesets.js';
import { memoryInput } from './memory-input.fixture.js';

const file = '.github/rulesets/main.json';
const ruleset = {
  name: 'main',
  target: 'branch',
  enforcement: 'active',
  conditions: { ref_name: { include: ['~DEFAULT_BRANCH', 'refs/heads/release'], exclude: [] as string[] } },
  rules: [
    { type: 'deletion' },
    { type: 'non_fast_forward' },
    {
      type: 'pull_request',
      parameters: {
        required_approving_review_count: 2,
        dismiss_stale_reviews_on_push: true,
        require_code_owner_review: true,
        require_last_push_approval: true,
        required_review_thread_resolution: true,
      },
    },
    {
      type: 'required_status_checks',
      parameters: {
        strict_required_status_checks_policy: true,
        required_status_checks: [{ context: 'harness' }, { context: 'build' }],
      },
    },
  ],
  bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'pull_request' }],
};
type Ruleset = typeof ruleset;
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function compare(change: (r: Ruleset) => unknown, base: Record<string, string> = {}): Promise<string[]> {
  const head = change(structuredClone(ruleset));
  const input = memoryInput({ ...base, [file]: text(ruleset) }, { ...base, [file]: text(head) });
  return (await compareRulesets(input)).map((l) => `${l.file}:${l.line} ${l.what}`);
}

describe('compareRulesets', () => {
  it('reports a deleted ruleset file at the base side', async () => {
    const found = await compareRulesets(memoryInput({ [file]: text(ruleset) }, {}));
    expect(found).toEqual([{ surface: 'ruleset', file, line: 1, what: 'ruleset "main" deleted' }]);
  });

  it('follows a ruleset renamed to another file by its name', async () => {
    const other = '.github/rulesets/protect.json';
    expect(await compareRulesets(memoryInput({ [file]: text(ruleset) }, { [other]: text(ruleset) }))).toEqual([]);
  });

  it('reports enforcement turned to evaluate at its line', async () => {
    expect(await compare((r) => ({ ...r, enforcement: 'evaluate' }))).toEqual([
      `${file}:4 ruleset "main": enforcement: active → evaluate`,
    ]);
  });

  it('reports a removed rule, a removed required check and strict turned off', async () => {
    expect(
      await compare((r) => {
        r.rules.splice(1, 1);
        const checks = r.rules[2]?.parameters as {
          strict_required_status_checks_policy: boolean;
          required_status_checks: unknown[];
        };
        checks.strict_required_status_checks_policy = false;
        checks.required_status_checks = [{ context: 'build' }];
        return r;
      }),
    ).toEqual([
      `${file}:14 ruleset "main": rule non_fast_forward removed`,
      `${file}:31 ruleset "main": required_status_checks.strict_required_status_checks_policy: true → false`,
      `${file}:32 ruleset "main": required status check "harness" removed`,
    ]);
  });

  it('reports reviews weakened: fewer approvals, switches off', async () => {
    const found = await compare((r) => {
      r.rules[2] = { type: 'pull_request', parameters: { required_approving_review_count: 1 } as never };
      return r;
    });
    expect(found.map((f) => f.replace(/^\S+ /, ''))).toEqual([
      'ruleset "main": pull_request.required_approving_review_count: 2 → 1',
      'ruleset "main": pull_request.require_code_owner_review: true → removed',
      'ruleset "main": pull_request.dismiss_stale_reviews_on_push: true → removed',
      'ruleset "main": pull_request.require_last_push_approval: true → removed',
      'ruleset "main": pull_request.required_review_thread_resolution: true → removed',
    ]);
  });

  it('reports bypass actors added or widened', async () => {
    const found = await compare((r) => ({
      ...r,
      bypass_actors: [
        { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' },
        { actor_id: null, actor_type: 'OrganizationAdmin', bypass_mode: 'always' },
      ],
    }));
    expect(found).toEqual([
      `${file}:50 ruleset "main": bypass actor RepositoryRole 5: bypass_mode pull_request → always`,
      `${file}:52 ruleset "main": bypass actor OrganizationAdmin null added (always)`,
    ]);
  });

  it('reports fewer branches covered: an include removed, an exclude added', async () => {
    const found = await compare((r) => ({
      ...r,
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: ['refs/heads/hotfix'] } },
    }));
    expect(found).toEqual([
      `${file}:7 ruleset "main": conditions.ref_name.include: "refs/heads/release" removed`,
      `${file}:11 ruleset "main": conditions.ref_name.exclude: "refs/heads/hotfix" added`,
    ]);
  });

  it('gives nothing for tightening, reordering or a change outside the rulesets folder', async () => {
    const tighter = await compare((r) => ({
      ...r,
      conditions: { ref_name: { include: ['~ALL'], exclude: [] } },
      rules: [...r.rules].reverse().concat([{ type: 'required_signatures' }]),
      bypass_actors: [],
    }));
    expect(tighter).toEqual([]);
    const unrelated = memoryInput({ [file]: text(ruleset), 'a.ts': '' }, { [file]: text(ruleset), 'a.ts': 'x' });
    expect(await compareRulesets(unrelated)).toEqual([]);
  });

  it('reads the folder the base config names', async () => {
    const config = 'version: 1\nrulesets:\n  dir: ops/rulesets\n';
    const input = memoryInput(
      { 'harness.config.yaml': config, 'ops/rulesets/main.json': text(ruleset), [file]: text(ruleset) },
      { 'harness.config.yaml': 'version: 1\n' },
    );
    expect((await compareRulesets(input)).map((l) => l.file)).toEqual(['ops/rulesets/main.json']);
  });
});
