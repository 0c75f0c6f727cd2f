// Each surface comparer on a real git history: the base committed on `main`, the pull request's
// change committed on a branch, compared as `harness check guard` compares them. One case per kind
// of loosening, and the tightening or unrelated change that must give nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCodex } from '../src/compare-codex.js';
import { compareFactoryWorkflow } from '../src/compare-factory-workflow.js';
import { compareGitignore } from '../src/compare-gitignore.js';
import { compareRulesets } from '../src/compare-rulesets.js';
import { compareSuppressions } from '../src/compare-suppressions.js';
import { compareTsconfig } from '../src/compare-tsconfig.js';
import { compareWorkflow } from '../src/compare-workflow.js';
import type { SurfaceComparer } from '../src/guard-types.js';
import { compareWith, createGuardRepo } from './guard-repo.fixture.js';
import type { GuardRepo, RepoFiles } from './guard-repo.fixture.js';

// As `harness init` writes them (templates/github), frozen here so that the line numbers hold.
const ruleset = `{
  "name": "main",
  "target": "branch",
  "enforcement": "active",
  "conditions": {
    "ref_name": {
      "include": ["~DEFAULT_BRANCH"],
      "exclude": []
    }
  },
  "rules": [
    { "type": "deletion" },
    { "type": "non_fast_forward" },
    {
      "type": "pull_request",
      "parameters": {
        "required_approving_review_count": 1,
        "dismiss_stale_reviews_on_push": false,
        "require_code_owner_review": false,
        "require_last_push_approval": false,
        "required_review_thread_resolution": true
      }
    },
    {
      "type": "required_status_checks",
      "parameters": {
        "strict_required_status_checks_policy": false,
        "required_status_checks": [{ "context": "harness" }]
      }
    }
  ],
  "bypass_actors": []
}
`;
const workflow = `name: harness

on:
  pull_request:
  push:
    branches: [main]
  merge_group:

permissions:
  contents: read

jobs:
  harness:
    name: harness
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - run: pnpm install --frozen-lockfile
      - name: harness check
        uses: agent-harness/agent-harness@v1
        with:
          upload-sarif: true
`;
const config =
  'version: 1\nlayers:\n  order: [ui, core]\n  paths:\n    ui: ["src/ui/**"]\n    core: ["src/core/**"]\n  suppressions:\n    eslint: [import/no-restricted-paths]\n';
const code = "import { core } from '../core/core.js';\nexport const ui = core;\n";
const factory = '---\nmaxTurns: 20\nhumanLabel: harness:human\n---\nRun `harness check` before every push.\n';

const base: RepoFiles = {
  'harness.config.yaml': config,
  'src/ui/ui.ts': code,
  'src/core/core.ts': 'export const core = 1;\n',
  'docs/guide.md': '# guide\n',
  '.github/rulesets/main.json': ruleset,
  '.github/workflows/harness.yml': workflow,
  '.codex/config.toml': 'project_doc_max_bytes = 32768\n',
  '.gitignore': 'node_modules/\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "paths": { "#core": ["./src/core/core.ts"] } } }\n',
  'WORKFLOW.md': factory,
};

let repo: GuardRepo;
beforeAll(() => {
  repo = createGuardRepo(base);
});
afterAll(() => repo.remove());

/** Commits `change` on a branch off main and compares it with main; `file:line what` per loosening. */
async function pullRequest(comparer: SurfaceComparer, change: RepoFiles): Promise<string[]> {
  repo.git('checkout', '-q', '-B', 'pr', 'main');
  repo.commit(change, 'pr');
  try {
    return (await compareWith(repo.root, comparer, 'main')).map((l) => `${l.file}:${l.line} ${l.what}`);
  } finally {
    repo.git('checkout', '-q', 'main');
  }
}

const edit = (path: string, from: string, to: string): RepoFiles => {
  const text = base[path] ?? '';
  if (!text.includes(from)) throw new Error(`${path} does not hold ${from}`);
  return { [path]: text.replace(from, to) };
};
const json = (path: string, change: (value: Record<string, unknown>) => void): RepoFiles => {
  const value = JSON.parse(base[path] ?? '{}') as Record<string, unknown>;
  change(value);
  return { [path]: `${JSON.stringify(value, null, 2)}\n` };
};
type Rule = { type: string; parameters?: Record<string, unknown> };
const rules = (value: Record<string, unknown>): Rule[] => value.rules as Rule[];
const rule = (value: Record<string, unknown>, type: string): Record<string, unknown> =>
  rules(value).find((r) => r.type === type)?.parameters ?? {};
const rulesetFile = '.github/rulesets/main.json';
const workflowFile = '.github/workflows/harness.yml';

describe('suppressions on a real history', () => {
  it.each<[string, RepoFiles, string[]]>([
    [
      'a new harness-ignore',
      edit('src/ui/ui.ts', 'import', '// harness-ignore layers/forward-only: for now\nimport'),
      ['src/ui/ui.ts:1 new harness-ignore layers/forward-only "for now"'],
    ],
    [
      'a new eslint-disable of a rule the base honours',
      edit('src/ui/ui.ts', 'import', '// eslint-disable-next-line import/no-restricted-paths\nimport'),
      [
        'src/ui/ui.ts:1 new eslint-disable-next-line of import/no-restricted-paths, which layers.suppressions.eslint honours as harness-ignore',
      ],
    ],
    [
      'nothing for an eslint-disable of another rule, or an unrelated edit',
      {
        ...edit('src/ui/ui.ts', 'export', '// eslint-disable-next-line no-console\nexport'),
        'src/core/core.ts': 'export const core = 2;\n',
      },
      [],
    ],
  ])('%s', async (_kind, change, expected) => {
    expect(await pullRequest(compareSuppressions, change)).toEqual(expected);
  });
});

describe('rulesets on a real history', () => {
  it.each<[string, RepoFiles, string[]]>([
    ['the file deleted', { [rulesetFile]: null }, [`${rulesetFile}:1 ruleset "main" deleted`]],
    [
      'enforcement off',
      edit(rulesetFile, '"enforcement": "active"', '"enforcement": "disabled"'),
      [`${rulesetFile}:4 ruleset "main": enforcement: active → disabled`],
    ],
    [
      'the required harness check removed',
      edit(rulesetFile, '[{ "context": "harness" }]', '[]'),
      [`${rulesetFile}:28 ruleset "main": required status check "harness" removed`],
    ],
    [
      'fewer approvals, threads no longer resolved',
      json(rulesetFile, (r) => {
        Object.assign(rule(r, 'pull_request'), {
          required_approving_review_count: 0,
          required_review_thread_resolution: false,
        });
      }),
      [
        `${rulesetFile}:23 ruleset "main": pull_request.required_approving_review_count: 1 → 0`,
        `${rulesetFile}:27 ruleset "main": pull_request.required_review_thread_resolution: true → false`,
      ],
    ],
    [
      'force pushes and deletion allowed',
      json(rulesetFile, (r) => {
        r.rules = rules(r).filter((x) => x.type !== 'deletion' && x.type !== 'non_fast_forward');
      }),
      [
        `${rulesetFile}:13 ruleset "main": rule deletion removed`,
        `${rulesetFile}:13 ruleset "main": rule non_fast_forward removed`,
      ],
    ],
    [
      'a bypass actor added',
      json(rulesetFile, (r) => {
        r.bypass_actors = [{ actor_id: 1, actor_type: 'OrganizationAdmin', bypass_mode: 'always' }];
      }),
      [`${rulesetFile}:43 ruleset "main": bypass actor OrganizationAdmin 1 added (always)`],
    ],
    [
      'the default branch no longer covered',
      edit(rulesetFile, '"include": ["~DEFAULT_BRANCH"]', '"include": ["refs/heads/release"]'),
      [`${rulesetFile}:7 ruleset "main": conditions.ref_name.include: "~DEFAULT_BRANCH" removed`],
    ],
    [
      'nothing for more reviews and a new required check',
      json(rulesetFile, (r) => {
        Object.assign(rule(r, 'pull_request'), { required_approving_review_count: 2, require_code_owner_review: true });
        (rule(r, 'required_status_checks').required_status_checks as unknown[]).push({ context: 'build' });
      }),
      [],
    ],
  ])('%s', async (_kind, change, expected) => {
    expect(await pullRequest(compareRulesets, change)).toEqual(expected);
  });
});

describe('the CI workflow on a real history', () => {
  const gate = '        uses: agent-harness/agent-harness@v1\n';
  it.each<[string, RepoFiles, string[]]>([
    [
      'the workflow deleted',
      { [workflowFile]: null },
      [`${workflowFile}:1 workflow deleted; it ran the gate (harness check)`],
    ],
    [
      'the gate step removed',
      edit(workflowFile, `      - name: harness check\n${gate}        with:\n          upload-sarif: true\n`, ''),
      [`${workflowFile}:19 job harness: the gate step (harness check) removed`],
    ],
    [
      'the gate step allowed to fail',
      edit(workflowFile, gate, `${gate}        continue-on-error: true\n`),
      [`${workflowFile}:26 job harness, step harness check: continue-on-error: true`],
    ],
    [
      'the gate step skipped',
      edit(workflowFile, gate, `        if: \${{ false }}\n${gate}`),
      [`${workflowFile}:25 job harness, step harness check: if: \${{ false }} can skip it`],
    ],
    [
      'pull requests no longer run it',
      edit(workflowFile, '  pull_request:\n', ''),
      [`${workflowFile}:3 trigger pull_request removed`],
    ],
    [
      'nothing for a new step and a newer checkout',
      edit(
        workflowFile,
        '      - uses: actions/checkout@v4\n',
        '      - uses: actions/checkout@v5\n      - run: pnpm build\n',
      ),
      [],
    ],
  ])('%s', async (_kind, change, expected) => {
    expect(await pullRequest(compareWorkflow, change)).toEqual(expected);
  });

  it('reports `|| true` on a run: gate step', async () => {
    const run = edit(
      workflowFile,
      `      - name: harness check\n${gate}        with:\n          upload-sarif: true\n`,
      '      - name: harness check\n        run: pnpm exec harness check\n',
    );
    repo.git('checkout', '-q', '-B', 'run-base', 'main');
    repo.commit(run, 'the gate as a run: step');
    const text = run[workflowFile] ?? '';
    repo.commit({
      [workflowFile]: text.replace(
        'harness check\n        run: pnpm exec harness check',
        'harness check\n        run: pnpm exec harness check || true',
      ),
    });
    try {
      const found = await compareWith(repo.root, compareWorkflow, 'run-base~');
      expect(found.map((l) => `${l.line} ${l.what}`)).toEqual([
        "25 job harness, step harness check: `|| true` ignores the gate's failure",
      ]);
    } finally {
      repo.git('checkout', '-q', 'main');
    }
  });
});

describe('codex, gitignore, tsconfig and WORKFLOW.md on a real history', () => {
  it.each<[string, SurfaceComparer, RepoFiles, string[]]>([
    [
      'project_doc_max_bytes raised',
      compareCodex,
      { '.codex/config.toml': 'project_doc_max_bytes = 131072\n' },
      ['.codex/config.toml:1 project_doc_max_bytes: 32768 → 131072'],
    ],
    [
      'nothing for project_doc_max_bytes lowered',
      compareCodex,
      { '.codex/config.toml': 'project_doc_max_bytes = 20000\n' },
      [],
    ],
    [
      'a .gitignore pattern hiding source files',
      compareGitignore,
      { '.gitignore': 'node_modules/\nsrc/ui/\n' },
      ['.gitignore:2 "src/ui/" hides a file the base holds (src/ui/ui.ts) that the checks read'],
    ],
    [
      'nothing for a .gitignore pattern hiding build output',
      compareGitignore,
      { '.gitignore': 'node_modules/\ndist/\n' },
      [],
    ],
    [
      'a tsconfig path rerouted',
      compareTsconfig,
      { 'tsconfig.json': '{ "compilerOptions": { "strict": true, "paths": { "#core": ["./src/ui/ui.ts"] } } }\n' },
      ['tsconfig.json:1 compilerOptions.paths "#core": ["./src/core/core.ts"] → ["./src/ui/ui.ts"]: reroutes imports'],
    ],
    [
      'nothing for a tsconfig path removed',
      compareTsconfig,
      { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n' },
      [],
    ],
    [
      'WORKFLOW.md turns raised and the hand-off removed',
      compareFactoryWorkflow,
      { 'WORKFLOW.md': '---\nmaxTurns: 200\n---\nRun `harness check` before every push.\n' },
      [
        'WORKFLOW.md:2 front matter maxTurns: 20 → 200',
        'WORKFLOW.md:1 front matter humanLabel removed (was "harness:human")',
      ],
    ],
    [
      'nothing for WORKFLOW.md turns lowered',
      compareFactoryWorkflow,
      edit('WORKFLOW.md', 'maxTurns: 20', 'maxTurns: 5'),
      [],
    ],
  ])('%s', async (_kind, comparer, change, expected) => {
    expect(await pullRequest(comparer, change)).toEqual(expected);
  });
});
