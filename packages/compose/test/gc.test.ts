// `harness gc` after worktrees went every way a worktree goes: `git worktree remove`, `rm -rf`
// (git still lists it, as prunable), `rm -rf` then `git worktree prune`, and `rm -rf` after
// `harness down` (only its port reservation is left). A locked worktree whose folder is missing
// (a removable drive) and the worktree gc runs in are kept. Runs against the real Docker engine.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackUp } from '../src/index.js';
import { downWorktree, gcStacks, listStacks, upWorktree } from '../src/index.js';
import { buildBusyboxImage, removeImage } from './busybox-image.js';
import type { FixtureRepo } from './fixture-repo.js';
import {
  addWorktree,
  createRepo,
  leftovers,
  projectLeftovers,
  registeredProjects,
  removeRepo,
  uniqueTag,
} from './fixture-repo.js';

const image = uniqueTag();
const composeFile = `services:
  web:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    ports: ["8080:8080"]
    volumes: [data:/data]
volumes:
  data:
`;

const names = ['removed', 'deleted', 'pruned', 'downed', 'locked'] as const;
let repo: FixtureRepo;
let main: StackUp;
const stacks = {} as Record<(typeof names)[number], StackUp>;
const paths = {} as Record<(typeof names)[number], string>;

beforeAll(async () => {
  buildBusyboxImage(image);
  repo = createRepo({ 'compose.yaml': composeFile }, 'gc');
  for (const name of names) paths[name] = addWorktree(repo, name);
  const ups = await Promise.all([repo.root, ...names.map((name) => paths[name])].map((cwd) => upWorktree({ cwd })));
  main = ups[0] as StackUp;
  names.forEach((name, i) => (stacks[name] = ups[i + 1] as StackUp));
  await downWorktree({ cwd: paths.downed });
  const git = (args: string[]) => execFileSync('git', args, { cwd: repo.root, stdio: 'pipe' });
  git(['worktree', 'remove', paths.removed]);
  rmSync(paths.pruned, { recursive: true, force: true });
  git(['worktree', 'prune']);
  // After the prune: git still lists these two, as prunable.
  rmSync(paths.deleted, { recursive: true, force: true });
  rmSync(paths.downed, { recursive: true, force: true });
  git(['worktree', 'lock', '--reason', 'on a removable drive', paths.locked]);
  rmSync(paths.locked, { recursive: true, force: true });
});

afterAll(() => {
  if (repo !== undefined) removeRepo(repo);
  removeImage(image);
});

const gone = ['deleted', 'downed', 'pruned', 'removed'] as const;

describe('gc', () => {
  it('collects every stack whose worktree is gone, however it went, with its ports, and keeps the rest', async () => {
    const projects = gone.map((name) => stacks[name].project).sort();
    const dryRun = await gcStacks({ cwd: repo.root, dryRun: true });
    expect(dryRun.stacks.map((s) => s.project).sort()).toEqual(projects);
    expect(projectLeftovers(stacks.deleted.project)).not.toEqual([]);
    expect(registeredProjects(repo.commonDir)).toEqual(expect.arrayContaining(projects));

    const result = await gcStacks({ cwd: repo.root });
    expect(result.stacks.map((s) => s.project).sort()).toEqual(projects);
    const deleted = result.stacks.find((s) => s.project === stacks.deleted.project);
    expect(deleted).toEqual({
      project: stacks.deleted.project,
      worktree: paths.deleted,
      containers: [expect.stringContaining(stacks.deleted.project) as string],
      networks: [`${stacks.deleted.project}_default`],
      volumes: [`${stacks.deleted.project}_data`],
      ports: [stacks.deleted.ports[0]?.hostPort],
    });
    expect(result.stacks.find((s) => s.project === stacks.downed.project)).toMatchObject({
      containers: [],
      ports: [stacks.downed.ports[0]?.hostPort],
    });
    for (const name of gone) expect(projectLeftovers(stacks[name].project)).toEqual([]);
    expect(registeredProjects(repo.commonDir)).toEqual([main.project, stacks.locked.project].sort());
    expect((await listStacks({ cwd: repo.root })).map((s) => [s.project, s.worktreeExists]).sort()).toEqual(
      [
        [main.project, true],
        [stacks.locked.project, true],
      ].sort(),
    );
    expect((await gcStacks({ cwd: repo.root })).stacks).toEqual([]);
  });

  it('down --volumes leaves nothing of the stack behind', async () => {
    // Its own worktree, so this test needs no other to have run first.
    const extra = addWorktree(repo, 'extra');
    const up = await upWorktree({ cwd: extra });
    expect(projectLeftovers(up.project)).not.toEqual([]);
    await downWorktree({ cwd: extra, volumes: true });
    expect(projectLeftovers(up.project)).toEqual([]);
    expect(leftovers(repo.commonDir).volumes.filter((name) => name.startsWith(up.project))).toEqual([]);
  });
});
