// plan → apply → check against the stand-in GitHub, which validates every
// request against GitHub's OpenAPI description and keeps state.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequestValidator, faults, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportOptions } from '../src/index.js';
import {
  applyRulesets,
  checkRulesets,
  exportRulesets,
  planRulesets,
  readRulesetFiles,
  toRequestBody,
} from '../src/index.js';
import { arrangeGithub, createRepo, releaseExport, repoRoot, template } from './fixture-repo.js';

let standin: GithubStandin;
let ids: { orgRulesetId: number; handMadeId: number };

beforeEach(async () => {
  standin = await startGithubStandin();
  ids = arrangeGithub(standin);
});

afterEach(async () => {
  // Every request harness sent was one GitHub's description allows.
  expect(standin.violations).toEqual([]);
  await standin.close();
});

function options(root: string, extra: Partial<ExportOptions> = {}): ExportOptions {
  return {
    root,
    dir: '.github/rulesets',
    env: { GITHUB_TOKEN: 'admin-token', GITHUB_API_URL: standin.url },
    waitUnitMs: 1,
    ...extra,
  };
}

function actions(plan: Awaited<ReturnType<typeof planRulesets>>): Record<string, string> {
  return Object.fromEntries(plan.entries.map((e) => [e.name, e.action]));
}

describe('rulesets round trip', () => {
  it('creates what is missing, sends only valid complete bodies, and a second apply sends nothing', async () => {
    const root = createRepo({ 'main.json': template, 'release.json': releaseExport });
    const plan = await planRulesets(options(root));
    expect(actions(plan)).toEqual({
      main: 'create',
      release: 'create',
      'hand-made': 'unmanaged',
      'org-wide': 'inherited',
    });
    const before = await checkRulesets(options(root));
    expect(before.diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual([
      'rulesets/missing .github/rulesets/main.json',
      'rulesets/missing .github/rulesets/release.json',
    ]);

    await applyRulesets(options(root));
    const posts = standin.writes();
    expect(posts.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      'POST /repos/octo-org/app/rulesets 201',
      'POST /repos/octo-org/app/rulesets 201',
    ]);
    // The export's id, source and source_type were stripped; the complete object was sent.
    expect(posts[1]?.body).toEqual({
      name: 'release',
      target: 'branch',
      enforcement: 'evaluate',
      conditions: { ref_name: { exclude: [], include: ['refs/heads/release/*'] } },
      rules: [{ type: 'non_fast_forward' }, { type: 'required_linear_history' }],
      bypass_actors: [
        { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' },
        { actor_id: null, actor_type: 'OrganizationAdmin', bypass_mode: 'always' },
      ],
    });
    const state = JSON.parse(readFileSync(join(root, '.github/rulesets/.harness-created.json'), 'utf8')) as {
      created: Record<string, Record<string, number>>;
    };
    expect(Object.keys(state.created['octo-org/app'] ?? {})).toEqual(['main', 'release']);

    const writes = standin.writes().length;
    const again = await applyRulesets(options(root));
    expect(again.applied).toEqual([]);
    expect(standin.writes()).toHaveLength(writes);
    expect((await checkRulesets(options(root))).diagnostics).toEqual([]);
  });

  it('finds drift made by hand and puts back exactly that ruleset with one complete PUT', async () => {
    const root = createRepo({ 'main.json': template });
    await applyRulesets(options(root));
    const main = [...(standin.state.repository('octo-org', 'app')?.rulesets.values() ?? [])].find(
      (r) => r.body.name === 'main',
    );
    if (main === undefined) throw new Error('main was not created');
    // Someone in the UI: disabled it, dropped the deletion rule, let a team bypass.
    main.body = {
      ...main.body,
      enforcement: 'disabled',
      rules: (main.body.rules as { type: string }[]).filter((r) => r.type !== 'deletion'),
      bypass_actors: [{ actor_id: 42, actor_type: 'Team', bypass_mode: 'always' }],
    };

    const plan = await planRulesets(options(root));
    expect(plan.entries.find((e) => e.name === 'main')?.changes?.map((c) => c.path)).toEqual([
      'enforcement',
      'rules[deletion]',
      'bypass_actors[Team 42]',
    ]);
    const check = await checkRulesets(options(root));
    expect(check.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'rulesets/drift',
        file: '.github/rulesets/main.json',
        message: expect.stringContaining('enforcement: GitHub has "disabled", the file says "active"'),
      }),
    ]);

    const writes = standin.writes().length;
    await applyRulesets(options(root));
    const put = standin.writes().slice(writes);
    expect(put.map((w) => `${w.method} ${w.path}`)).toEqual([`PUT /repos/octo-org/app/rulesets/${main.id}`]);
    expect(put[0]?.body).toMatchObject({ enforcement: 'active', bypass_actors: [] });
    expect((put[0]?.body as { rules: unknown[] }).rules).toHaveLength(4);
    expect((await checkRulesets(options(root))).diagnostics).toEqual([]);
    const settled = standin.writes().length;
    await applyRulesets(options(root));
    expect(standin.writes()).toHaveLength(settled);
  });

  it('deletes only what harness created; --prune deletes unmanaged ones too; never an organization ruleset', async () => {
    const root = createRepo({ 'main.json': template, 'release.json': releaseExport });
    await applyRulesets(options(root));
    rmSync(join(root, '.github/rulesets/release.json'));
    const plan = await planRulesets(options(root));
    expect(actions(plan)).toEqual({
      main: 'unchanged',
      release: 'delete',
      'hand-made': 'unmanaged',
      'org-wide': 'inherited',
    });
    expect((await checkRulesets(options(root))).diagnostics.map((d) => d.rule)).toEqual(['rulesets/orphaned']);

    const writes = standin.writes().length;
    await applyRulesets(options(root));
    expect(
      standin
        .writes()
        .slice(writes)
        .map((w) => w.method),
    ).toEqual(['DELETE']);
    expect(standin.state.repository('octo-org', 'app')?.rulesets.has(ids.handMadeId)).toBe(true);

    await applyRulesets(options(root, { prune: true }));
    const deletes = standin
      .writes()
      .filter((w) => w.method === 'DELETE')
      .map((w) => w.path);
    expect(deletes.at(-1)).toBe(`/repos/octo-org/app/rulesets/${ids.handMadeId}`);
    expect(deletes.some((p) => p.endsWith(`/${ids.orgRulesetId}`))).toBe(false);
    expect(standin.state.organizationRulesets.get('octo-org')).toHaveLength(1);
  });

  it('exports the live rulesets in GitHub’s format, never overwriting without force, and the export plans clean', async () => {
    const root = createRepo({ 'main.json': template });
    await applyRulesets(options(root));
    const exported = await exportRulesets(options(root)).catch((error: unknown) => error);
    expect(exported).toMatchObject({
      code: 'FILE_EXISTS',
      message: 'export would overwrite .github/rulesets/main.json',
    });
    expect(readFileSync(join(root, '.github/rulesets/main.json'), 'utf8')).toBe(template);

    const result = await exportRulesets(options(root, { force: true }));
    expect(result.files.map((f) => f.file)).toEqual(['.github/rulesets/hand-made.json', '.github/rulesets/main.json']);
    expect(result.skipped).toEqual(['org-wide (organization ruleset of octo-org)']);
    const handMade = JSON.parse(readFileSync(join(root, '.github/rulesets/hand-made.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(handMade)).toEqual([
      'id',
      'name',
      'target',
      'source_type',
      'source',
      'enforcement',
      'conditions',
      'rules',
      'bypass_actors',
    ]);
    const writes = standin.writes().length;
    expect(actions(await planRulesets(options(root)))).toEqual({
      'hand-made': 'unchanged',
      main: 'unchanged',
      'org-wide': 'inherited',
    });
    await applyRulesets(options(root));
    expect(standin.writes()).toHaveLength(writes);
  });

  it('writes nothing through a rulesets folder that is a symlink out of the repository (export and apply)', async () => {
    const root = createRepo({});
    const outside = mkdtempSync(join(tmpdir(), 'harness-outside-'));
    try {
      rmSync(join(root, '.github/rulesets'), { recursive: true });
      symlinkSync(outside, join(root, '.github/rulesets'));
      await expect(exportRulesets(options(root))).rejects.toMatchObject({ code: 'IO_FAILED' });
      writeFileSync(join(outside, 'main.json'), template);
      await expect(applyRulesets(options(root))).rejects.toMatchObject({ code: 'IO_FAILED' });
      // Refused before GitHub was changed, so no ruleset exists that the state file would not record.
      expect(standin.writes()).toEqual([]);
      expect(readdirSync(outside)).toEqual(['main.json']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('with a read-only token: compares what it can see and says bypass actors were hidden', async () => {
    const root = createRepo({ 'main.json': template });
    await applyRulesets(options(root));
    const outcome = await checkRulesets(
      options(root, { env: { GITHUB_TOKEN: 'read-token', GITHUB_API_URL: standin.url } }),
    );
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.notes).toContain(
      'rulesets: GitHub hides the bypass actors of "main" from this token, so they were not compared',
    );
  });

  it('stops with GitHub’s message when a create is refused, keeping what it created on record', async () => {
    const root = createRepo({ 'main.json': template, 'release.json': releaseExport });
    // main is created, then GitHub refuses release.
    standin.inject(
      faults.invalid('Invalid rule "required_linear_history"', { method: 'POST', path: /rulesets$/, after: 1 }),
    );
    const error = await applyRulesets(options(root)).catch((caught: unknown) => caught as Error);
    expect(error).toMatchObject({ code: 'GITHUB_INVALID' });
    expect((error as Error).message).toBe(
      'GitHub refused to create ruleset "release" on octo-org/app. GitHub said: Validation Failed: Invalid rule "required_linear_history" (422)',
    );
    const state = JSON.parse(readFileSync(join(root, '.github/rulesets/.harness-created.json'), 'utf8')) as {
      created: Record<string, Record<string, number>>;
    };
    expect(Object.keys(state.created['octo-org/app'] ?? {})).toEqual(['main']);
    const writes = standin.writes().length;
    await applyRulesets(options(root));
    expect(
      standin
        .writes()
        .slice(writes)
        .map((w) => `${w.method} ${String((w.body as { name: string }).name)}`),
    ).toEqual(['POST release']);
  });

  it('sends this repository’s own rulesets as bodies GitHub’s description accepts', async () => {
    const validator = createRequestValidator();
    const files = await readRulesetFiles(repoRoot, '.github/rulesets');
    expect(files.map((f) => f.name)).toEqual(['main']);
    for (const file of files) {
      expect(
        validator.validateRequest({
          method: 'POST',
          template: '/repos/{owner}/{repo}/rulesets',
          pathParams: { owner: 'o', repo: 'r' },
          query: new URLSearchParams(),
          body: toRequestBody(file.content),
        }),
      ).toEqual([]);
    }
  });
});
